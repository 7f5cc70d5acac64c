// libFuzzer harness over parsing and extraction: `make fuzz`.
// Each input is decoded, parsed and annotated; the invariants every story must
// keep are checked, and a broken one aborts so libFuzzer saves the input.
import CFuzzDriver
import Foundation
import NewsKit

let extractor = Extractor()
let loader = StoryLoader()

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard let story = try? loader.parse(data: bytes, source: "fuzz.txt") else { return 0 }
    let annotated = extractor.annotate(story)
    if let problem = StoryInvariants.firstViolation(in: annotated) {
        FileHandle.standardError.write(Data("invariant broken: \(problem)\n".utf8))
        abort()
    }
    return 0
}

guard nr_fuzzer_linked() != 0 else {
    FileHandle.standardError.write(Data("newsroom-fuzz: built without libFuzzer; run `make fuzz`\n".utf8))
    exit(2)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
