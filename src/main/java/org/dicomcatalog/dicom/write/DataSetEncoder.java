package org.dicomcatalog.dicom.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.VR;

/**
 * Serializes a node tree in one encoding (PS3.5 section 7). Nested content is encoded to bytes first so
 * defined lengths of sequences and items are simply the size of what was written.
 */
final class DataSetEncoder {
    static final long UNDEFINED = 0xFFFFFFFFL;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean sorted;

    DataSetEncoder(boolean explicitVR, boolean bigEndian, boolean sorted) {
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.sorted = sorted;
    }

    byte[] encode(List<Node> nodes) {
        Sink out = new Sink();
        for (Node n : order(nodes)) {
            write(out, n);
        }
        return out.toByteArray();
    }

    private List<Node> order(List<Node> nodes) {
        if (!sorted) {
            return nodes;
        }
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing(Node::tag, Tag::compare));
        return copy;
    }

    private void write(Sink out, Node node) {
        if (node instanceof Node.Element e) {
            writeElement(out, e);
        } else if (node instanceof Node.Sequence s) {
            writeSequence(out, s);
        } else if (node instanceof Node.Item i) {
            writeItem(out, i);
        } else if (node instanceof Node.Encapsulated p) {
            writeEncapsulated(out, p);
        } else if (node instanceof Node.Raw r) {
            out.writeBytes(r.bytes());
        }
    }

    private void writeElement(Sink out, Node.Element e) {
        long length = e.declaredLength() >= 0 ? e.declaredLength() : e.value().length;
        VR vr = VR.ofName(e.vrCode());
        boolean longHeader = e.longHeader() != null ? e.longHeader() : vr != null && vr.hasLongExplicitLength();
        if (explicitVR && !longHeader && e.declaredLength() < 0 && length > 0xFFFF) {
            throw new IllegalArgumentException(Tag.toString(e.tag()) + " " + e.vrCode() + " value of " + length
                    + " bytes does not fit a 16-bit length; use rawElement to write a lying length");
        }
        header(out, e.tag(), e.vrCode(), longHeader, length);
        out.writeBytes(bigEndian ? swap(e.value(), e.swapUnit()) : e.value());
    }

    private void writeSequence(Sink out, Node.Sequence s) {
        boolean un = "UN".equals(s.vrCode()) && s.undefinedLength();
        // PS3.5 6.2.2: the content of a UN sequence of undefined length is implicit VR little endian
        DataSetEncoder inner = un ? new DataSetEncoder(false, false, sorted) : this;
        Sink content = new Sink(inner.bigEndian);
        for (Node.Item item : s.items()) {
            inner.writeItem(content, item);
        }
        if (s.undefinedLength()) {
            content.tag(Tag.SEQUENCE_DELIMITATION).u32(0);
        }
        byte[] body = content.toByteArray();
        header(out, s.tag(), s.vrCode(), true, s.undefinedLength() ? UNDEFINED : body.length);
        out.writeBytes(body);
    }

    private void writeItem(Sink out, Node.Item item) {
        byte[] body = encode(item.body());
        out.tag(Tag.ITEM).u32(item.undefinedLength() ? UNDEFINED : body.length);
        out.writeBytes(body);
        if (item.undefinedLength()) {
            out.tag(Tag.ITEM_DELIMITATION).u32(0);
        }
    }

    private void writeEncapsulated(Sink out, Node.Encapsulated p) {
        header(out, p.tag(), p.vrCode(), true, UNDEFINED);
        out.tag(Tag.ITEM).u32(4L * p.offsets().length);
        for (long offset : p.offsets()) {
            out.u32(offset);
        }
        for (byte[] fragment : p.fragments()) {
            out.tag(Tag.ITEM).u32(fragment.length);
            out.writeBytes(fragment);
        }
        out.tag(Tag.SEQUENCE_DELIMITATION).u32(0);
    }

    /** Explicit VR: tag, VR, then a 16-bit length or 2 reserved bytes and a 32-bit length; implicit: tag, 32-bit. */
    private void header(Sink out, int tag, String vrCode, boolean longHeader, long length) {
        out.tag(tag);
        if (!explicitVR) {
            out.u32(length);
            return;
        }
        out.writeBytes(Arrays.copyOf(vrCode.getBytes(StandardCharsets.ISO_8859_1), 2));
        if (longHeader) {
            out.u16(0).u32(length);
        } else {
            out.u16((int) length);
        }
    }

    /** Reverses each unit of {@code unit} bytes; a trailing partial unit is left as it is. */
    private static byte[] swap(byte[] value, int unit) {
        if (unit <= 1) {
            return value;
        }
        byte[] out = value.clone();
        for (int i = 0; i + unit <= out.length; i += unit) {
            for (int j = 0; j < unit; j++) {
                out[i + j] = value[i + unit - 1 - j];
            }
        }
        return out;
    }

    /** Header for a (7FE0,0010) whose value is not written: the tail of a sparse file. */
    byte[] pixelHeader(String vrCode, long length) {
        Sink out = new Sink();
        header(out, Tag.PIXEL_DATA, vrCode, true, length);
        return out.toByteArray();
    }

    /** Byte sink with the numbers of this encoding's byte order; item tags are ordinary tags here. */
    private final class Sink extends ByteArrayOutputStream {
        private final boolean big;

        Sink() {
            this(bigEndian);
        }

        Sink(boolean big) {
            this.big = big;
        }

        Sink u16(int v) {
            if (big) {
                write(v >>> 8);
                write(v);
            } else {
                write(v);
                write(v >>> 8);
            }
            return this;
        }

        Sink u32(long v) {
            int x = (int) v;
            return big ? u16(x >>> 16).u16(x & 0xFFFF) : u16(x & 0xFFFF).u16(x >>> 16);
        }

        Sink tag(int tag) {
            return u16(Tag.group(tag)).u16(Tag.element(tag));
        }
    }
}
