package org.dicomcatalog.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the header of a DICOM file: PS3.10 layout (preamble, DICM, file meta), or a bare data set whose
 * encoding is guessed; then the data set up to the pixel data. Never throws for a bad file: the outcome
 * and the reason are in the returned {@link DicomHeader}.
 */
public final class DicomReader {
    private static final int PREAMBLE = 128;
    private static final int MAGIC_END = PREAMBLE + 4;
    /** Bare data sets start with a low even group (0008 in practice); text and other formats do not. */
    private static final int MAX_FIRST_GROUP = 0x0FFF;
    private static final int MIN_FIRST_GROUP = 0x0002;

    private DicomReader() {
    }

    public static DicomHeader read(Path path, ReadOptions options) {
        try (DicomSource source = DicomSource.open(path)) {
            return read(source, options);
        } catch (IOException e) {
            return failed(new DicomReadException(ErrorCode.IO_ERROR, DicomReadException.NO_TAG, 0,
                    "cannot open: " + e.getClass().getSimpleName()), 0);
        }
    }

    public static DicomHeader read(byte[] bytes) {
        return read(DicomSource.of(bytes), ReadOptions.DEFAULTS);
    }

    public static DicomHeader read(DicomSource source, ReadOptions options) {
        return new Read(source, options).run();
    }

    private static DicomHeader failed(DicomReadException error, long bytesRead) {
        ReadStatus status = error.code() == ErrorCode.NOT_DICOM ? ReadStatus.NOT_DICOM : ReadStatus.ERROR;
        return new DicomHeader(status, error, null, DicomDataSet.EMPTY, DicomDataSet.EMPTY, null, bytesRead,
                java.util.List.of());
    }

    /** The state of one read; keeps what was read so far so that an error still returns it. */
    private static final class Read {
        private final DicomSource source;
        private final ReadOptions options;
        private final Warnings warnings = new Warnings();
        private final DataSetParser.Level meta = DataSetParser.Level.keepingAll();
        private final DataSetParser.Level data;
        private DicomInput fileInput;
        private DicomInput dataInput;
        private DataSetParser parser;
        private InflatedSource inflated;
        private DicomHeader.Encoding encoding;

        Read(DicomSource source, ReadOptions options) {
            this.source = source;
            this.options = options;
            this.data = DataSetParser.Level.keeping(options);
        }

        DicomHeader run() {
            DicomReadException error = null;
            try {
                readAll();
            } catch (DicomReadException e) {
                error = e;
            } catch (IOException e) {
                error = new DicomReadException(ErrorCode.IO_ERROR, DicomReadException.NO_TAG, position(),
                        "read failed: " + e.getClass().getSimpleName());
            } catch (RuntimeException | StackOverflowError e) {
                error = new DicomReadException(ErrorCode.INTERNAL, DicomReadException.NO_TAG, position(),
                        "reader failed: " + e.getClass().getSimpleName());
            } finally {
                if (inflated != null) {
                    inflated.close();
                }
            }
            if (encoding == null) {
                return failed(error, bytesRead());
            }
            ReadStatus status = error == null ? ReadStatus.OK
                    : data.noneRead() ? ReadStatus.ERROR : ReadStatus.PARTIAL;
            return new DicomHeader(status, error, encoding, meta.toDataSet(), data.toDataSet(),
                    parser != null ? parser.pixelData() : null, bytesRead(), warnings.toList());
        }

        private void readAll() throws IOException {
            long length = source.length();
            if (length == 0) {
                throw new DicomReadException(ErrorCode.NOT_DICOM, DicomReadException.NO_TAG, 0, "empty file");
            }
            fileInput = new DicomInput(source, length, 0);
            byte[] head = fileInput.peek(MAGIC_END + 8);
            boolean magic = hasMagic(head);
            if (magic && fileMetaSyntax(head, MAGIC_END) != null) {
                readPart10(true, fileMetaSyntax(head, MAGIC_END));
            } else if (fileMetaSyntax(head, 0) != null) {
                warnings.add("file meta without preamble and DICM");
                readPart10(false, fileMetaSyntax(head, 0));
            } else if (guess(head, 0) != null) {
                readBare(false, 0, guess(head, 0));
            } else if (magic && guess(head, MAGIC_END) != null) {
                warnings.add("preamble and DICM without file meta");
                readBare(true, MAGIC_END, guess(head, MAGIC_END));
            } else {
                throw new DicomReadException(ErrorCode.NOT_DICOM, DicomReadException.NO_TAG, 0,
                        "neither a DICOM file nor a DICOM data set");
            }
        }

        private void readPart10(boolean preamble, TransferSyntax metaSyntax) throws IOException {
            fileInput.advance(preamble ? MAGIC_END : 0);
            if (!metaSyntax.explicitVR()) {
                warnings.add("file meta in implicit VR");
            }
            new DataSetParser(fileInput, metaSyntax, options, warnings).readFileMeta(meta);
            DicomElement syntaxElement = meta.find(Tag.TRANSFER_SYNTAX_UID);
            String uid = syntaxElement != null ? syntaxElement.string() : null;
            TransferSyntax declared = uid != null && !uid.isEmpty() ? TransferSyntax.of(uid) : null;
            if (declared != null && declared.deflated()) {
                encoding = new DicomHeader.Encoding(preamble, true, declared, false);
                readDeflated();
                return;
            }
            byte[] first = fileInput.peek(8);
            if (first.length == 0) {
                encoding = new DicomHeader.Encoding(preamble, true, declared != null ? declared
                        : TransferSyntax.EXPLICIT_LITTLE, declared == null);
                return;
            }
            TransferSyntax actual = checkDeclared(declared, first);
            encoding = new DicomHeader.Encoding(preamble, true, actual, actual != declared);
            readDataSet(fileInput, actual);
        }

        /**
         * The declared syntax when the first element agrees with it, else the encoding the data set really
         * has (writers exist that put implicit VR data under an explicit syntax, and the other way round).
         */
        private TransferSyntax checkDeclared(TransferSyntax declared, byte[] first) throws DicomReadException {
            if (declared != null && first.length >= 6
                    && (VR.ofCode(first[4], first[5]) != null) == declared.explicitVR()) {
                return declared;
            }
            TransferSyntax guessed = guess(first, 0);
            if (guessed == null) {
                if (declared != null) {
                    return declared;
                }
                // a file meta says this is DICOM: fall back on the VR bytes alone, little endian
                guessed = first.length >= 6 && VR.ofCode(first[4], first[5]) != null
                        ? TransferSyntax.EXPLICIT_LITTLE : TransferSyntax.IMPLICIT_LITTLE;
            }
            warnings.add(declared == null ? "no transfer syntax in file meta: encoding guessed"
                    : "data set encoding differs from the declared transfer syntax");
            return declared != null && declared.encapsulated() && guessed.explicitVR() == declared.explicitVR()
                    ? declared : guessed;
        }

        private void readBare(boolean preamble, int start, TransferSyntax guessed) throws IOException {
            warnings.add("no file meta: data set encoding guessed");
            fileInput.advance(start);
            encoding = new DicomHeader.Encoding(preamble, false, guessed, true);
            readDataSet(fileInput, guessed);
        }

        private void readDeflated() throws IOException {
            inflated = new InflatedSource(source, fileInput.position(), fileInput.buffered(),
                    options.maxInflatedBytes());
            dataInput = new DicomInput(inflated, Long.MAX_VALUE, 0);
            parser = new DataSetParser(dataInput, encoding.transferSyntax(), options, warnings);
            parser.readTopLevel(data);
        }

        private void readDataSet(DicomInput input, TransferSyntax syntax) throws IOException {
            dataInput = input;
            parser = new DataSetParser(input, syntax, options, warnings);
            parser.readTopLevel(data);
        }

        private long position() {
            return dataInput != null ? dataInput.position() : fileInput != null ? fileInput.position() : 0;
        }

        private long bytesRead() {
            long fetched = fileInput != null ? fileInput.bytesFetched() : 0;
            return inflated != null ? fetched + inflated.compressedBytesRead() : fetched;
        }
    }

    private static boolean hasMagic(byte[] head) {
        return head.length >= MAGIC_END && head[PREAMBLE] == 'D' && head[PREAMBLE + 1] == 'I'
                && head[PREAMBLE + 2] == 'C' && head[PREAMBLE + 3] == 'M';
    }

    /**
     * The encoding of a group 0002 element at {@code offset}: explicit VR little endian as PS3.10 7.1
     * demands, or implicit VR little endian as some old writers made it; null when there is none.
     */
    private static TransferSyntax fileMetaSyntax(byte[] head, int offset) {
        if (head.length < offset + 8 || u16le(head, offset) != 0x0002) {
            return null;
        }
        return VR.ofCode(head[offset + 4], head[offset + 5]) != null ? TransferSyntax.EXPLICIT_LITTLE
                : TransferSyntax.IMPLICIT_LITTLE;
    }

    /**
     * The encoding of a data set starting at {@code offset}, judged from its first element: explicit when
     * the VR bytes are a VR; the byte order that makes the group smaller; null when no reading gives a
     * low group (text, images and archives start with printable or high bytes).
     */
    static TransferSyntax guess(byte[] head, int offset) {
        if (head.length < offset + 8) {
            return null;
        }
        int little = u16le(head, offset);
        int big = ((head[offset] & 0xFF) << 8) | (head[offset + 1] & 0xFF);
        boolean bigEndian = big < little;
        int group = Math.min(little, big);
        if (group < MIN_FIRST_GROUP || group > MAX_FIRST_GROUP || (group & 1) == 1) {
            return null;
        }
        if (VR.ofCode(head[offset + 4], head[offset + 5]) != null) {
            return bigEndian ? TransferSyntax.EXPLICIT_BIG : TransferSyntax.EXPLICIT_LITTLE;
        }
        return bigEndian ? TransferSyntax.IMPLICIT_BIG : TransferSyntax.IMPLICIT_LITTLE;
    }

    private static int u16le(byte[] b, int offset) {
        return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8);
    }
}
