package ar.aulas.imports;

/** Where UTF-8 goes wrong in a file's bytes, to name the byte instead of guessing another encoding. */
final class Utf8 {

    private Utf8() {
    }

    /** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (é, ñ… as UTF-8 writes them). */
    static boolean hasMultiByteSequence(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            int length = sequenceLength(bytes, i);
            if (length > 1) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first byte that does not start a well-formed sequence, or -1. */
    static int firstInvalid(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            int length = sequenceLength(bytes, i);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** 1 to 4 for a well-formed sequence starting at {@code i}, 0 for a bad one. */
    private static int sequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length;
        int min;
        if (b < 0x80) {
            return 1;
        } else if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + length > bytes.length) {
            return 0;
        }
        int code = b & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            int c = bytes[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            code = (code << 6) | (c & 0x3F);
        }
        return code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? 0 : length;
    }
}
