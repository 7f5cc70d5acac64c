// libFuzzer harness over parsing and extraction: `make fuzz`.
// Each input is decoded, parsed and annotated; the invariants every story must
// keep are checked, and a broken one aborts so libFuzzer saves the input.
import CFuzzDriver
import Foundation
import NewsKit

let extractor = Extractor()
let loader = StoryLoader()
let parser = WireStoryParser()

func check(_ story: Story, _ path: String) {
    let annotated = extractor.annotate(story)
    if let problem = StoryInvariants.firstViolation(in: annotated) {
        FileHandle.standardError.write(Data("invariant broken (\(path)): \(problem)\n".utf8))
        abort()
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    do {
        // Every format, detected by content: a feed gives several stories.
        for story in try loader.stories(data: bytes, source: "fuzz.txt") { check(story, "decoded") }
    } catch {
        // Input the decoder refuses (invalid UTF-8, NULs, binary) still goes
        // through the parser and extractor, decoded with replacement: most
        // random bytes are not valid UTF-8, and without this path the fuzzer
        // would spend its time on the decoder's refusal alone.
        let text = String(decoding: bytes, as: UTF8.self)
        if let story = try? parser.parse(text: text, source: "fuzz.txt") { check(story, "lossy") }
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
