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
    @JsonProperty("phase_millis")
    public final Map<String, Long> phaseMillis = new LinkedHashMap<>();

    private long phaseStart = System.nanoTime();

    /** Ends the phase that started at the previous call (or at construction) and records it as {@code name}. */
    void phase(String name) {
        long now = System.nanoTime();
        phaseMillis.merge(name, (now - phaseStart) / 1_000_000, Long::sum);
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
        out.printf("header bytes read %,d%n", bytesRead);
        out.printf("time (ms) %s%n", phaseMillis);
    }
}
