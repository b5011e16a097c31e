package org.dicomcatalog.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dicomcatalog.dicom.DicomHeader;
import org.dicomcatalog.dicom.DicomJson;
import org.dicomcatalog.dicom.DicomReadException;
import org.dicomcatalog.dicom.DicomReader;
import org.dicomcatalog.dicom.PixelDataInfo;
import org.dicomcatalog.dicom.ReadOptions;
import org.dicomcatalog.dicom.Tag;
import org.dicomcatalog.dicom.TransferSyntax;

/**
 * {@code dump FILE|DIR ...}: one JSON object per file per line, directories walked recursively with
 * nothing hidden (dot files, underscore files and empty files are DICOM archive members like any other).
 */
final class DumpCommand {
    private static final String USAGE = "usage: dicom-catalog dump [--stop-after TAG] [--bulk-threshold BYTES]"
            + " FILE|DIR ...";

    private final PrintStream out;

    DumpCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws IOException {
        ReadOptions options = ReadOptions.DEFAULTS;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stop-after":
                    options = options.withStopAfterTag(Tag.parse(value(args, ++i)));
                    break;
                case "--bulk-threshold":
                    options = options.withBulkDataThreshold(Integer.parseInt(value(args, ++i)));
                    break;
                default:
                    inputs.add(Paths.get(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        JsonGenerator json = new JsonFactory().createGenerator((OutputStream) out);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        int missing = 0;
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                System.err.println("dump: no such file or directory: " + input);
                missing++;
                continue;
            }
            for (Path file : files(input)) {
                write(json, file, DicomReader.read(file, options));
            }
        }
        json.flush();
        return missing == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static List<Path> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void write(JsonGenerator json, Path file, DicomHeader header) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", file.toString());
        json.writeStringField("status", header.status().name());
        if (header.error() != null) {
            writeError(json, header.error());
        }
        if (header.encoding() != null) {
            json.writeStringField("transferSyntaxUID", header.transferSyntaxUID());
            writeEncoding(json, header.encoding());
            String uri = file.toUri().toString();
            DicomJson dicomJson = new DicomJson(json,
                    e -> uri + "?offset=" + e.valueOffset() + "&length=" + e.length());
            json.writeFieldName("fileMeta");
            dicomJson.writeDataSet(header.fileMeta());
            json.writeFieldName("dataset");
            dicomJson.writeDataSet(header.dataSet());
        }
        if (header.pixelData() != null) {
            writePixelData(json, header.pixelData());
        }
        json.writeNumberField("bytesRead", header.bytesRead());
        if (!header.warnings().isEmpty()) {
            json.writeArrayFieldStart("warnings");
            for (String warning : header.warnings()) {
                json.writeString(warning);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void writeError(JsonGenerator json, DicomReadException error) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("code", error.code().name());
        json.writeStringField("tag", error.tag() == DicomReadException.NO_TAG ? null : Tag.hex(error.tag()));
        json.writeNumberField("offset", error.offset());
        json.writeStringField("message", error.getMessage());
        json.writeEndObject();
    }

    private static void writeEncoding(JsonGenerator json, DicomHeader.Encoding encoding) throws IOException {
        TransferSyntax syntax = encoding.transferSyntax();
        json.writeObjectFieldStart("encoding");
        json.writeBooleanField("preamble", encoding.preamble());
        json.writeBooleanField("fileMeta", encoding.fileMetaPresent());
        json.writeBooleanField("explicitVR", syntax.explicitVR());
        json.writeBooleanField("bigEndian", syntax.bigEndian());
        json.writeBooleanField("deflated", syntax.deflated());
        json.writeBooleanField("guessed", encoding.guessed());
        json.writeEndObject();
    }

    private static void writePixelData(JsonGenerator json, PixelDataInfo pixels) throws IOException {
        json.writeObjectFieldStart("pixelData");
        json.writeStringField("tag", Tag.hex(pixels.tag()));
        json.writeStringField("vr", pixels.vr().name());
        json.writeNumberField("offset", pixels.valueOffset());
        json.writeNumberField("length", pixels.length());
        json.writeEndObject();
    }
}
