package org.opencce.app.edi;

import java.text.Normalizer;
import java.util.Map;

/**
 * Customer text as an 814 can carry it. X12 004010 files are ASCII, and OpenCCE's writer refuses a
 * character outside printable ASCII or an X12 delimiter ({@code * ~ >}) rather than send it
 * ({@code docs/formats/edi-814.md}). A customer list may hold {@code Zoë Brontë} or
 * {@code 12 Rue*Saint}: the names and addresses are informational in an 814 (the utility matches the
 * account by REF*12), so they are sent as close as ASCII allows instead of holding the account back:
 * accents are dropped ({@code Zoe Bronte}), a few letters without a decomposition are spelled out
 * ({@code ß} as {@code ss}), anything else becomes a space, runs of spaces become one, and the text is
 * cut to the element's length (N102 60, N301 55, N401 30 characters). Stateless and thread-safe.
 */
final class X12SafeText {
    private static final Map<Character, String> SPELLED = Map.of('ß', "ss", 'æ', "ae", 'Æ', "AE", 'ø', "o", 'Ø',
            "O", 'œ', "oe", 'Œ', "OE", 'ł', "l", 'Ł', "L", 'đ', "d");

    private X12SafeText() {
    }

    /** {@code text} in printable ASCII without X12 delimiters, at most {@code maxLength} characters, trimmed. */
    static String of(String text, int maxLength) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled != null) {
                out.append(spelled);
            } else if (c < 0x20 || c > 0x7E || c == '*' || c == '~' || c == '>') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        String collapsed = out.toString().replaceAll(" {2,}", " ").strip();
        return collapsed.length() <= maxLength ? collapsed : collapsed.substring(0, maxLength).strip();
    }
}
