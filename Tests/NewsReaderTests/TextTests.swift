import Testing
@testable import NewsReader

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(DisplayWidth.columns(of: "Harbour") == 7)
        #expect(DisplayWidth.columns(of: Character("a")) == 1)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.columns(of: Character("港")) == 2)
        #expect(DisplayWidth.columns(of: "東京港") == 6)
        #expect(DisplayWidth.columns(of: Character("한")) == 2)
        #expect(DisplayWidth.columns(of: Character("Ａ")) == 2)
    }

    @Test func combiningMarksTakeNoExtraColumn() {
        // "e" + COMBINING ACUTE is one grapheme, one column.
        #expect(DisplayWidth.columns(of: "Se\u{301}bastien") == 9)
        #expect(DisplayWidth.columns(of: "Zoë Ångström") == 12)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.columns(of: Character("🚢")) == 2)
        #expect(DisplayWidth.columns(of: Character("👍🏽")) == 2)
        #expect(DisplayWidth.columns(of: Character("❤️")) == 2)
    }

    @Test func curlyQuotesAndDashesAreOneColumn() {
        #expect(DisplayWidth.columns(of: "“ok” — ‘fine’") == 13)
    }
}

@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeCaretNotation() {
        #expect(TerminalText.sanitize("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(TerminalText.sanitize("bell\u{07}") == "bell^G")
        #expect(TerminalText.sanitize("back\u{08}space") == "back^Hspace")
        #expect(TerminalText.sanitize("del\u{7F}") == "del^?")
        #expect(TerminalText.sanitize("tab\there") == "tab here")
    }

    @Test func c1ControlsAndBidiOverridesBecomeReplacementCharacters() {
        #expect(TerminalText.sanitize("x\u{9B}2Jy") == "x\u{FFFD}2Jy")
        #expect(TerminalText.sanitize("abc\u{202E}fed") == "abc\u{FFFD}fed")
    }

    @Test func cleanTextIsUnchanged() {
        let s = "“Quiet harbour,” said Zoë Ångström 🚢 東京"
        #expect(!TerminalText.needsSanitizing(s))
        #expect(TerminalText.sanitize(s) == s)
    }

    @Test func oscClipboardWriteIsNeutralised() {
        let s = TerminalText.sanitize("x\u{1B}]52;c;c2VjcmV0\u{07}y")
        #expect(s == "x^[]52;c;c2VjcmV0^Gy")
        #expect(!s.unicodeScalars.contains { TerminalText.isUnsafe($0.value) })
    }
}

@Suite struct CellBufferTests {
    @Test func putWritesAndClips() {
        var b = CellBuffer(width: 10, height: 2)
        let end = b.put("Harbour master", x: 1, y: 0, limit: 8)
        #expect(end == 8)
        #expect(b.line(0) == " Harbour  ")
        #expect(b.line(1) == "          ")
    }

    @Test func wideCharactersTakeTwoCells() {
        var b = CellBuffer(width: 8, height: 1)
        let end = b.put("東京x", x: 0, y: 0)
        #expect(end == 5)
        #expect(b[0, 0].text == "東")
        #expect(b[1, 0].isContinuation)
        #expect(b[2, 0].text == "京")
        #expect(b[4, 0].text == "x")
        #expect(b.line(0) == "東京x   ")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var b = CellBuffer(width: 4, height: 1)
        let end = b.put("abc東", x: 0, y: 0)
        #expect(end == 4)
        #expect(b.line(0) == "abc ")
        #expect(!b[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterRepairsTheOtherHalf() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("東京", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.line(0) == " x京")
        b.put("y", x: 2, y: 0)
        #expect(b.line(0) == " xy ")
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var b = CellBuffer(width: 6, height: 1)
        b.put("Ze\u{301}ro", x: 0, y: 0)
        #expect(b[1, 0].text == "e\u{301}")
        #expect(b.line(0) == "Ze\u{301}ro  ")
    }

    @Test func unsafeTextIsMadeVisibleWhenPut() {
        var b = CellBuffer(width: 12, height: 1)
        b.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(b.line(0) == "a^[[2Jb     ")
        #expect(!b.cells.contains { $0.text.unicodeScalars.contains { TerminalText.isUnsafe($0.value) } })
    }
}

@Suite struct WordWrapTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = WordWrap.wrap("The harbour board met on Tuesday to discuss the new quay.", width: 20)
        #expect(lines == ["The harbour board", "met on Tuesday to", "discuss the new", "quay."])
        for l in lines { #expect(DisplayWidth.columns(of: l) <= 20) }
    }

    @Test func rangesPointIntoTheOriginalBytes() {
        let text = "“Nets are empty,” said Ilse Marrow, a trawler captain."
        let ranges = WordWrap.lines(text, width: 18)
        let bytes = Array(text.utf8)
        let rejoined = ranges.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ")
        #expect(rejoined == text)
    }

    @Test func cutsWordsLongerThanTheWidth() {
        #expect(WordWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let lines = WordWrap.wrap("港口委员会今天开会", width: 6)
        #expect(lines == ["港口委", "员会今", "天开会"])
    }

    @Test func controlCharactersCountInTheirVisibleWidth() {
        // ESC shows as "^[" (two columns).
        let lines = WordWrap.wrap("ab\u{1B}cd ef", width: 5)
        #expect(lines.first == "ab\u{1B}c")
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(WordWrap.lines("", width: 10) == [0..<0])
    }
}

@Suite struct FrameDiffTests {
    @Test func everyCellOnTheFirstFrame() {
        let b = CellBuffer(width: 6, height: 2)
        #expect(FrameDiff.changes(from: nil, to: b).count == 12)
    }

    @Test func onlyChangedCellsAfterwards() {
        var a = CellBuffer(width: 10, height: 3)
        a.put("harbour", x: 0, y: 1)
        var b = a
        b.put("Harbour", x: 0, y: 1)
        let c = FrameDiff.changes(from: a, to: b)
        #expect(c.count == 1)
        #expect(c.first?.x == 0 && c.first?.y == 1)
        #expect(FrameDiff.changes(from: b, to: b).isEmpty)
    }

    @Test func aChangedWideCharacterIsDrawnFromItsLeftHalf() {
        var a = CellBuffer(width: 6, height: 1)
        a.put("ab東", x: 0, y: 0)
        var b = a
        b.put("京", x: 2, y: 0)
        let c = FrameDiff.changes(from: a, to: b).map(\.x)
        #expect(c == [2])
    }

    @Test func movingTheSelectionRedrawsTwoRowsNotTheScreen() {
        var s = Fixtures.state()
        let before = Renderer.render(s)
        _ = Reducer.reduce(&s, .key(.character("j")))
        let after = Renderer.render(s)
        let rows = Set(FrameDiff.changes(from: before, to: after).map(\.y))
        let list = s.layout.content(of: .stories)
        // The old and new selected rows, the list title and the status line.
        #expect(rows.isSubset(of: [list.y - 1, list.y, list.y + 1, 47]))
        #expect(rows.contains(list.y) && rows.contains(list.y + 1))
    }
}
