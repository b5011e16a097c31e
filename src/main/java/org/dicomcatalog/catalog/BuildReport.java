package org.dicomcatalog.catalog;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What a build did, written as {@code report.json} beside the snapshot's tables and printed as a summary. */
public final class BuildReport {
    @JsonProperty("snapshot_id")
    public String snapshotId;
    /** "full build", "full build: why" when a refresh could not refresh, or "refresh of PREVIOUS-ID". */
    @JsonProperty("mode")
    public String mode = "full build";
    @JsonProperty("files_listed")
    public long filesListed;
    @JsonProperty("instances")
    public long instances;
    /** Instances read from a PARTIAL file: all UIDs present but the header had an error after them. */
    @JsonProperty("partial_instances")
    public long partialInstances;
    @JsonProperty("rejects")
    public long rejects;
    @JsonProperty("by_status")
    public final Map<String, Long> byStatus = new TreeMap<>();
    @JsonProperty("rejects_by_reason")
    public final Map<String, Long> byReason = new TreeMap<>();
    @JsonProperty("rows_per_table")
    public final Map<String, Long> rowsPerTable = new LinkedHashMap<>();
    @JsonProperty("conflicts")
    public long conflicts;
    @JsonProperty("bytes_read")
    public long bytesRead;
    /** The issuer configuration the patient keys were made with: a refresh under another one rebuilds. */
    @JsonProperty("root_issuers")
    public final Map<String, String> rootIssuers = new TreeMap<>();
    /** A refresh's file counts (see CatalogRefresh); absent from a full build's report. */
    @JsonProperty("refresh")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Map<String, Long> refresh;
    /** Files the source opened to read a header (the scan's filesOpened metric). */
    @JsonProperty("files_opened")
    public long filesOpened;
    /** The database whose tables now read this snapshot; null when none was configured or registration failed. */
    @JsonProperty("registered_database")
    public String registeredDatabase;
    /** Why registering the tables failed after publishing; null when it did not. */
    @JsonProperty("registration_error")
    public String registrationError;
    @JsonProperty("phase_millis")
    public final Map<String, Long> phaseMillis = new LinkedHashMap<>();

    private long phaseStart = System.nanoTime();

    /** Ends the phase that started at the previous call (or at construction) and records it as {@code name}. */
    void phase(String name) {
        long now = System.nanoTime();
        phaseMillis.merge(name, (now - phaseStart) / 1_000_000, Long::sum);
        phaseStart = now;
    }

    /** Ends the current phase as two: {@code first}, which took {@code firstMillis} of it, then {@code second}. */
    void phases(String first, long firstMillis, String second) {
        long now = System.nanoTime();
        long total = (now - phaseStart) / 1_000_000;
        long head = Math.min(firstMillis, total);
        phaseMillis.merge(first, head, Long::sum);
        phaseMillis.merge(second, total - head, Long::sum);
        phaseStart = now;
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void printSummary(PrintStream out) {
        out.printf("snapshot %s (%s)%n", snapshotId, mode);
        if (refresh != null) {
            out.printf("refresh %s%n", refresh);
        }
        out.printf("files listed %,d; catalog: instances %,d (%,d partial) + rejects %,d%n",
                filesListed, instances, partialInstances, rejects);
        out.printf("by status %s%n", byStatus);
        out.printf("rejects by reason %s%n", byReason);
        out.printf("rows %s, conflicts %,d%n", rowsPerTable, conflicts);
        out.printf("files opened %,d, header bytes read %,d%n", filesOpened, bytesRead);
        if (registeredDatabase != null) {
            out.printf("tables registered in database %s%n", registeredDatabase);
        }
        if (registrationError != null) {
            out.printf("REGISTRATION FAILED: %s%n", registrationError);
        }
        out.printf("time (ms) %s%n", phaseMillis);
    }
}
