import TestSupport

// The binary finder and runner live in the shared TestSupport target; these
// two lines let this target's tests use them with their own `TempFolder`.
typealias NewsroomBinary = TestSupport.NewsroomBinary
extension TempFolder: ScratchFolder {}
