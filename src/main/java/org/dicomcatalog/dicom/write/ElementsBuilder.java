package org.dicomcatalog.dicom.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.VR;

/**
 * The element-adding half of the fluent API, shared by the top-level {@link DicomWriter} and by the
 * data sets inside sequence items. Elements keep the order they were added in, duplicates included.
 */
public abstract class ElementsBuilder<T extends ElementsBuilder<T>> {
    /** A superset of ASCII that maps every byte, so tests can put any byte 0x80-0xFF in a string. */
    static final Charset DEFAULT_CHARSET = StandardCharsets.ISO_8859_1;

    final List<Node> nodes = new ArrayList<>();
    private Charset charset;

    ElementsBuilder(Charset charset) {
        this.charset = charset;
    }

    abstract T self();

    /** Encoding of string values added after this call (nested items inherit it). Default ISO-8859-1. */
    public T charset(Charset cs) {
        this.charset = cs;
        return self();
    }

    Charset charset() {
        return charset;
    }

    /** Values joined with '\', padded to even length with the VR's padding byte (NUL for UI, else space). */
    public T string(int tag, VR vr, String... values) {
        byte[] b = String.join("\\", values).getBytes(charset);
        if ((b.length & 1) == 1) {
            b = Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = vr.paddingByte();
        }
        return add(new Node.Element(tag, vr.name(), b, 1, -1, null));
    }

    /** A value written exactly as given in either byte order: the caller controls padding and odd lengths. */
    public T bytes(int tag, VR vr, byte[] value) {
        return add(new Node.Element(tag, vr.name(), value.clone(), 1, -1, null));
    }

    /**
     * A binary value given in little-endian order, swapped per the VR's unit (2 for OW and AT, 4 for OF/OL/FL,
     * ...) when the syntax is big endian.
     */
    public T binary(int tag, VR vr, byte[] littleEndianValue) {
        return add(new Node.Element(tag, vr.name(), littleEndianValue.clone(), swapUnit(vr), -1, null));
    }

    public T us(int tag, int... v) {
        ByteBuffer b = le(v.length * 2);
        for (int x : v) {
            b.putShort((short) x);
        }
        return binary(tag, VR.US, b.array());
    }

    public T ss(int tag, int... v) {
        ByteBuffer b = le(v.length * 2);
        for (int x : v) {
            b.putShort((short) x);
        }
        return binary(tag, VR.SS, b.array());
    }

    public T ul(int tag, long... v) {
        ByteBuffer b = le(v.length * 4);
        for (long x : v) {
            b.putInt((int) x);
        }
        return binary(tag, VR.UL, b.array());
    }

    public T sl(int tag, int... v) {
        ByteBuffer b = le(v.length * 4);
        for (int x : v) {
            b.putInt(x);
        }
        return binary(tag, VR.SL, b.array());
    }

    public T sv(int tag, long... v) {
        return longs(tag, VR.SV, v);
    }

    public T uv(int tag, long... v) {
        return longs(tag, VR.UV, v);
    }

    public T fl(int tag, float... v) {
        ByteBuffer b = le(v.length * 4);
        for (float x : v) {
            b.putFloat(x);
        }
        return binary(tag, VR.FL, b.array());
    }

    public T fd(int tag, double... v) {
        ByteBuffer b = le(v.length * 8);
        for (double x : v) {
            b.putDouble(x);
        }
        return binary(tag, VR.FD, b.array());
    }

    /** Attribute tags: each is a 16-bit group then a 16-bit element, so each half is swapped on its own. */
    public T at(int tag, int... tags) {
        ByteBuffer b = le(tags.length * 4);
        for (int x : tags) {
            b.putShort((short) Tag.group(x)).putShort((short) Tag.element(x));
        }
        return binary(tag, VR.AT, b.array());
    }

    /** A sequence of type SQ; each {@link SeqBuilder#item} call adds one item. */
    public T sequence(int tag, boolean undefinedLength, Consumer<SeqBuilder> items) {
        return sequence(tag, VR.SQ, undefinedLength, items);
    }

    /**
     * A sequence with another VR in its header. With UN (and undefined length) the items are encoded in
     * implicit VR little endian whatever the syntax, as PS3.5 6.2.2 describes for unknown sequences.
     */
    public T sequence(int tag, VR vr, boolean undefinedLength, Consumer<SeqBuilder> items) {
        SeqBuilder seq = new SeqBuilder(charset);
        items.accept(seq);
        return add(new Node.Sequence(tag, vr.name(), undefinedLength, List.copyOf(seq.items)));
    }

    /** Writes the private creator (gggg,00bb) LO; the block's elements are then {@link #privateTag}. */
    public T privateBlock(int group, int block, String creator) {
        return string(Tag.of(group, block), VR.LO, creator);
    }

    /** (gggg,bbee): element ee of private block bb (PS3.5 7.8.1). */
    public static int privateTag(int group, int block, int element) {
        return Tag.of(group, (block << 8) | (element & 0xFF));
    }

    /**
     * Anything, including VR codes that are not VRs ("ZZ", "\0\0") and lengths that do not match the value.
     * The header form is the long one for VRs that have it, the short one otherwise; a short length field
     * keeps the low 16 bits of {@code length}.
     */
    public T rawElement(int tag, String vrCode, long length, byte[] value) {
        return add(new Node.Element(tag, vrCode, value.clone(), 1, length, null));
    }

    /** As {@link #rawElement(int, String, long, byte[])}, choosing the explicit-VR header form. */
    public T rawElement(int tag, String vrCode, boolean longHeader, long length, byte[] value) {
        return add(new Node.Element(tag, vrCode, value.clone(), 1, length, longHeader));
    }

    /** Bytes inserted verbatim at this point of the stream. */
    public T rawBytes(byte[] bytes) {
        return add(new Node.Raw(bytes.clone()));
    }

    /** Native (7FE0,0010) with {@code length} zero bytes. */
    public T pixelData(VR vr, long length) {
        return add(new Node.Element(Tag.PIXEL_DATA, vr.name(), new byte[Math.toIntExact(length)], 1, -1, null));
    }

    /** Native (7FE0,0010) whose header declares {@code length} but which has no value bytes at all. */
    public T pixelDataHeaderOnly(VR vr, long length) {
        return add(new Node.Element(Tag.PIXEL_DATA, vr.name(), new byte[0], 1, length, null));
    }

    /** (7FE0,0010) OB undefined length: empty basic offset table, one item per fragment, delimiter. */
    public T encapsulatedPixelData(byte[]... fragments) {
        return encapsulatedPixelData(new long[0], fragments);
    }

    /** As above with a basic offset table (32-bit offsets of each frame's first fragment, PS3.5 A.4). */
    public T encapsulatedPixelData(long[] basicOffsetTable, byte[]... fragments) {
        List<byte[]> copies = new ArrayList<>();
        for (byte[] f : fragments) {
            copies.add(f.clone());
        }
        return add(new Node.Encapsulated(Tag.PIXEL_DATA, "OB", basicOffsetTable.clone(), copies));
    }

    private T longs(int tag, VR vr, long[] v) {
        ByteBuffer b = le(v.length * 8);
        for (long x : v) {
            b.putLong(x);
        }
        return binary(tag, vr, b.array());
    }

    private T add(Node n) {
        nodes.add(n);
        return self();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** AT is a pair of 16-bit numbers, not one 32-bit number; strings and bytes are never swapped. */
    private static int swapUnit(VR vr) {
        if (vr == VR.AT) {
            return 2;
        }
        return Math.max(1, vr.unitSize());
    }
}

