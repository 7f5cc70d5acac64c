/// HTML's named character references that news copy uses, for the HTML
/// reader and for feeds that put them in XML. Others stay as written.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "apos": "\u{27}", "amp": "\u{26}", "lt": "\u{3C}", "gt": "\u{3E}", "quot": "\u{22}", "mdash": "\u{2014}",
        "ndash": "\u{2013}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "sbquo": "\u{201A}",
        "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "hellip": "\u{2026}",
        "bull": "\u{2022}", "middot": "\u{B7}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "deg": "\u{B0}",
        "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}", "sect": "\u{A7}", "para": "\u{B6}",
        "shy": "\u{AD}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "lrm": "\u{200E}", "rlm": "\u{200F}", "times": "\u{D7}", "divide": "\u{F7}", "plusmn": "\u{B1}", "frac12": "\u{BD}",
        "frac14": "\u{BC}", "frac34": "\u{BE}", "sup2": "\u{B2}", "sup3": "\u{B3}", "micro": "\u{B5}", "iexcl": "\u{A1}",
        "iquest": "\u{BF}", "prime": "\u{2032}", "Prime": "\u{2033}", "dagger": "\u{2020}", "Dagger": "\u{2021}", "permil": "\u{2030}",
        "minus": "\u{2212}", "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}",
        "ordf": "\u{AA}", "ordm": "\u{BA}", "acute": "\u{B4}", "cedil": "\u{B8}", "uml": "\u{A8}", "macr": "\u{AF}",
        "not": "\u{AC}", "curren": "\u{A4}", "brvbar": "\u{A6}", "szlig": "\u{DF}", "oelig": "\u{153}", "OElig": "\u{152}",
        "scaron": "\u{161}", "Scaron": "\u{160}", "yuml": "\u{FF}", "Yuml": "\u{178}", "fnof": "\u{192}", "circ": "\u{2C6}",
        "tilde": "\u{2DC}", "aacute": "\u{E1}", "agrave": "\u{E0}", "acirc": "\u{E2}", "auml": "\u{E4}", "atilde": "\u{E3}",
        "aring": "\u{E5}", "eacute": "\u{E9}", "egrave": "\u{E8}", "ecirc": "\u{EA}", "euml": "\u{EB}", "iacute": "\u{ED}",
        "igrave": "\u{EC}", "icirc": "\u{EE}", "iuml": "\u{EF}", "oacute": "\u{F3}", "ograve": "\u{F2}", "ocirc": "\u{F4}",
        "ouml": "\u{F6}", "otilde": "\u{F5}", "uacute": "\u{FA}", "ugrave": "\u{F9}", "ucirc": "\u{FB}", "uuml": "\u{FC}",
        "yacute": "\u{FD}", "Aacute": "\u{C1}", "Agrave": "\u{C0}", "Acirc": "\u{C2}", "Auml": "\u{C4}", "Atilde": "\u{C3}",
        "Aring": "\u{C5}", "Eacute": "\u{C9}", "Egrave": "\u{C8}", "Ecirc": "\u{CA}", "Euml": "\u{CB}", "Iacute": "\u{CD}",
        "Igrave": "\u{CC}", "Icirc": "\u{CE}", "Iuml": "\u{CF}", "Oacute": "\u{D3}", "Ograve": "\u{D2}", "Ocirc": "\u{D4}",
        "Ouml": "\u{D6}", "Otilde": "\u{D5}", "Uacute": "\u{DA}", "Ugrave": "\u{D9}", "Ucirc": "\u{DB}", "Uuml": "\u{DC}",
        "Yacute": "\u{DD}", "ccedil": "\u{E7}", "Ccedil": "\u{C7}", "ntilde": "\u{F1}", "Ntilde": "\u{D1}", "oslash": "\u{F8}",
        "Oslash": "\u{D8}", "aelig": "\u{E6}", "AElig": "\u{C6}", "eth": "\u{F0}", "ETH": "\u{D0}", "thorn": "\u{FE}",
        "THORN": "\u{DE}",
    ]

    /// The character a reference names (`amp`, `#8217`, `#x2019`), or nil.
    static func scalar(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(valid)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst(), radix: 10).flatMap(valid) }
        return named[String(name)]
    }

    /// A number as a character: NUL, surrogates and out-of-range become U+FFFD;
    /// 0x80-0x9F are read as Windows-1252, as browsers do.
    private static func valid(_ v: UInt32) -> Unicode.Scalar? {
        if v >= 0x80 && v <= 0x9F, let s = cp1252[v] { return s }
        if v == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    private static let cp1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x85: "\u{2026}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}",
        0x96: "\u{2013}", 0x97: "\u{2014}",
    ]
}
