package dev.sensorpipeline.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks that bytes are well-formed UTF-8 before the JSON parser sees them. */
final class Utf8 {

    private Utf8() {
    }

    /** The offset of the first byte that breaks UTF-8, relative to {@code offset}, or -1 when all is well-formed. */
    static int firstInvalidOffset(byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        // Readings are ASCII: the common case never reaches the decoder.
        while (i < end && data[i] >= 0) {
            i++;
        }
        if (i == end) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(data, i, end - i);
        CoderResult result = decoder.decode(input, CharBuffer.allocate(end - i), true);
        if (result.isError()) {
            return input.position() - offset;
        }
        return decoder.flush(CharBuffer.allocate(0)).isError() ? input.position() - offset : -1;
    }
}
