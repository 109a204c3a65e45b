package org.scanvas.text;

/**
 * Makes text that came from outside (file names, command-line arguments, anything a capture
 * file or a prober chose) safe to print on a terminal or into a log: every character that a
 * terminal or a text viewer would act on instead of showing is written as an escape.
 *
 * <p>Escaped: the C0 controls U+0000-U+001F (escape sequences start with ESC, U+001B), DEL
 * U+007F and the C1 controls U+0080-U+009F as {@code \xNN}; the Unicode bidirectional
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder what follows them,
 * and lone surrogates as {@code <U+NNNN>}. Everything else, backslashes included, is kept,
 * so escaping twice changes nothing more.
 */
public final class PrintableText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private PrintableText() {
    }

    /**
     * The text with every control character escaped; the same instance when it has none.
     *
     * @param text any text; null gives "null"
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isByteControl(c)) {
                out.append("\\x").append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            } else if (isReordering(c) || isLoneSurrogate(text, i)) {
                out.append("<U+").append(HEX_UPPER[c >>> 12]).append(HEX_UPPER[(c >>> 8) & 0xf])
                        .append(HEX_UPPER[(c >>> 4) & 0xf]).append(HEX_UPPER[c & 0xf]).append('>');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isByteControl(c) || isReordering(c) || isLoneSurrogate(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isByteControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isReordering(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isLoneSurrogate(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
