package org.dicomcatalog.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.dicomcatalog.sample.SampleArchive;

/**
 * {@code sample --out DIR --patients N --seed S [--pixels full|sparse|none]}: writes a deterministic sample
 * archive to DIR/archive and its ground truth to DIR/ground-truth (docs/sample-archive.md).
 */
final class SampleCommand {
    static final String USAGE = "usage: dicom-catalog sample --out DIR --patients N --seed S"
            + " [--pixels full|sparse|none]";

    private final PrintStream out;

    SampleCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws IOException {
        Path dir = null;
        Integer patients = null;
        Long seed = null;
        SampleArchive.Pixels pixels = SampleArchive.Pixels.FULL;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> dir = Paths.get(value(args, ++i));
                    case "--patients" -> patients = Integer.parseInt(value(args, ++i));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--pixels" -> pixels = pixels(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            if (dir == null || patients == null || seed == null) {
                throw new IllegalArgumentException("--out, --patients and --seed are required");
            }
            if (patients < 1) {
                throw new IllegalArgumentException("--patients must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("sample: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        SampleArchive.Result r;
        try {
            r = new SampleArchive(patients, seed, pixels).generate(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            System.err.println("sample: " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "Wrote %d files (%,d bytes) to %s: %d distinct SOP instances in %d studies of %d"
                + " patients (issuer + PatientID), seed %d, pixels %s, with planted duplicates, identity conflicts"
                + " and broken files. Ground truth: %s (files.jsonl, summary.json).%n", r.files(), r.bytes(),
                r.archive(), r.instances(), r.studies(), r.patients(), seed,
                pixels.name().toLowerCase(Locale.ROOT), r.truth());
        return 0;
    }

    private static SampleArchive.Pixels pixels(String v) {
        for (SampleArchive.Pixels p : SampleArchive.Pixels.values()) {
            if (p.name().equalsIgnoreCase(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--pixels must be full, sparse or none: " + v);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
