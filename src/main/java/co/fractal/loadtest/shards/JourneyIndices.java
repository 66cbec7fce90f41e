package co.fractal.loadtest.shards;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Which of the run's users (by their index in the run) a shard's journeys ran: one bit per user, so the merge can
 * tell that every journey of the run started in one shard only, its own. Stored deflated and base64-encoded.
 */
final class JourneyIndices {
    private final BitSet bits = new BitSet();

    synchronized void add(int index) {
        bits.set(index);
    }

    synchronized String encode() {
        byte[] raw = bits.toByteArray();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 8));
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * The bits an {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the text is no such encoding
     */
    static BitSet decode(String text) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getDecoder().decode(text));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated");
                }
                out.write(buffer, 0, n);
            }
            return BitSet.valueOf(out.toByteArray());
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not accepted; expected the journeys of a shard, deflated and base64-encoded", e);
        } finally {
            inflater.end();
        }
    }
}
