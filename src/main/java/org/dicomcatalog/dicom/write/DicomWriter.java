package org.dicomcatalog.dicom.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import org.dicomcatalog.dicom.TransferSyntax;
import org.dicomcatalog.dicom.VR;

/**
 * Builds DICOM files byte for byte, in any transfer syntax, including malformed ones: reader tests craft
 * exact inputs with it, and the sample archive generator writes realistic and broken files with it. The data set is a tree of nodes kept in insertion order; serialization is
 * done by {@link DataSetEncoder} and {@link FileMeta}.
 *
 * <pre>
 * byte[] file = DicomWriter.create(TransferSyntax.EXPLICIT_LITTLE)
 *         .string(0x00100010, VR.PN, "Doe^John")
 *         .sequence(0x00081115, true, s -> s.item(false, i -> i.string(0x00081150, VR.UI, "1.2.3")))
 *         .toBytes();
 * </pre>
 */
public final class DicomWriter extends ElementsBuilder<DicomWriter> {
    private static final int PREAMBLE_LENGTH = 128;

    private final TransferSyntax syntax;
    private final FileMeta meta = new FileMeta();
    private boolean preamble = true;
    private boolean fileMeta = true;
    private boolean sorted;
    private int truncatedTo = -1;

    private DicomWriter(TransferSyntax syntax) {
        super(DEFAULT_CHARSET);
        this.syntax = syntax;
    }

    public static DicomWriter create(TransferSyntax syntax) {
        return new DicomWriter(syntax);
    }

    public static DicomWriter create(String transferSyntaxUid) {
        return new DicomWriter(TransferSyntax.of(transferSyntaxUid));
    }

    @Override
    DicomWriter self() {
        return this;
    }

    /** Whether to write 128 zero bytes and "DICM" first (default true). */
    public DicomWriter preamble(boolean on) {
        this.preamble = on;
        return this;
    }

    /** Whether to write the group 0002 file meta information (default true). */
    public DicomWriter fileMeta(boolean on) {
        this.fileMeta = on;
        return this;
    }

    /**
     * Adds meta elements, or replaces default ones with the same tag: e.g. a lying (0002,0000) or
     * (0002,0010). Meta elements are always written in tag order.
     */
    public DicomWriter meta(Consumer<DataSetBuilder> elements) {
        DataSetBuilder b = new DataSetBuilder(charset());
        elements.accept(b);
        meta.extra.addAll(b.nodes);
        return this;
    }

    /** Leaves default meta elements out, e.g. (0002,0000) or (0002,0010). */
    public DicomWriter omitMeta(int... tags) {
        for (int t : tags) {
            meta.omitted.add(t);
        }
        return this;
    }

    /** Encoding of the meta group; PS3.10 demands explicit VR little endian, some files in the wild differ. */
    public DicomWriter metaSyntax(TransferSyntax metaSyntax) {
        meta.syntax = metaSyntax;
        return this;
    }

    /** Writes every data set (nested ones too) in ascending tag order instead of insertion order. */
    public DicomWriter sorted() {
        this.sorted = true;
        return this;
    }

    /** Cuts the output of {@link #toBytes()} and {@link #writeTo} after {@code n} bytes. */
    public DicomWriter truncatedTo(int n) {
        this.truncatedTo = n;
        return this;
    }

    public byte[] toBytes() {
        byte[] all = untruncated();
        return truncatedTo >= 0 ? Arrays.copyOf(all, Math.min(truncatedTo, all.length)) : all;
    }

    public Path writeTo(Path p) throws IOException {
        return Files.write(p, toBytes());
    }

    /** {@link #writeSparse(Path, VR, long)} with OW pixel data. */
    public Path writeSparse(Path p, long pixelLength) throws IOException {
        return writeSparse(p, VR.OW, pixelLength);
    }

    /**
     * Writes the file, then a (7FE0,0010) header declaring {@code pixelLength}, then extends the file by that
     * many bytes with {@link RandomAccessFile#setLength}, so files over 2 GB cost no disk or time.
     */
    public Path writeSparse(Path p, VR vr, long pixelLength) throws IOException {
        if (syntax.deflated()) {
            throw new IllegalStateException("a deflated data set cannot end in sparse bytes");
        }
        if (pixelLength < 0 || pixelLength >= DataSetEncoder.UNDEFINED) {
            throw new IllegalArgumentException("pixel length must fit 32 bits below 0xFFFFFFFF: " + pixelLength);
        }
        byte[] head = untruncated();
        byte[] pixelHeader = encoder().pixelHeader(vr.name(), pixelLength);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(0);
            f.write(head);
            f.write(pixelHeader);
            f.setLength(head.length + pixelHeader.length + pixelLength);
        }
        return p;
    }

    /** The data set alone, before deflation: what a deflated file inflates back to. */
    public byte[] dataSetBytes() {
        return encoder().encode(nodes);
    }

    private byte[] untruncated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (preamble) {
            out.writeBytes(new byte[PREAMBLE_LENGTH]);
            out.writeBytes(new byte[] {'D', 'I', 'C', 'M'});
        }
        if (fileMeta) {
            out.writeBytes(meta.encode(syntax, nodes, charset()));
        }
        byte[] dataSet = dataSetBytes();
        out.writeBytes(syntax.deflated() ? deflate(dataSet) : dataSet);
        return out.toByteArray();
    }

    private DataSetEncoder encoder() {
        return new DataSetEncoder(syntax.explicitVR(), syntax.bigEndian(), sorted);
    }

    /** PS3.5 A.5: RFC 1951 deflate without the zlib header, hence nowrap. */
    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
