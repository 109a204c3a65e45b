package org.scanvas.cli;

/** JSON string literals for the commands that print JSON by hand. */
final class JsonText {

    private JsonText() {
    }

    /** {@code value} as a JSON string literal, or {@code null} for null. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
