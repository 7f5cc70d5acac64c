/// A small fictional wire story whose quotes the extractor attributes by a
/// cue (`council chair Brita Solvang told reporters`) and by a pronoun
/// (`he said` after Einar Tveit): for the tests of `attribution` through the
/// real binary.
public enum AttributedStory {
    public static let text = """
        Ferry council backs winter timetable

        By Oona Pettersen

        HALDEN (Newswire) - The ferry council of Halden backed a reduced winter timetable on Tuesday.

        “We cannot run empty boats all winter,” council chair Brita Solvang told reporters.

        Harbour master Einar Tveit said the crews would be kept on. “Nobody loses a job,” he said.
        """
}
