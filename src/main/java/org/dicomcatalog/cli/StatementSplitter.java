package org.dicomcatalog.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts typed SQL into statements at each ';' outside quotes ('…', "…", `…`) and comments ({@code --} to the end
 * of the line, bracketed ones), so a literal like 'a;b' stays whole. Spark's parser takes one statement at a time and
 * offers no splitter (the spark-sql shell's lives in the Hive thrift server module).
 */
final class StatementSplitter {
    private final StringBuilder pending = new StringBuilder();
    private char quote;
    private boolean lineComment;
    private boolean blockComment;

    /** Adds a line of input; returns the statements it completes, trimmed, empty ones left out. */
    List<String> add(String line) {
        List<String> complete = new ArrayList<>();
        String text = line + "\n";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == ';' && quote == 0 && !lineComment && !blockComment) {
                addIfNotEmpty(complete, pending.toString());
                pending.setLength(0);
                continue;
            }
            pending.append(c);
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                blockComment = !(c == '*' && next == '/');
            } else if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    pending.append(next);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else {
                lineComment = c == '-' && next == '-';
                blockComment = c == '/' && next == '*';
            }
        }
        return complete;
    }

    /** What is left without a closing ';', trimmed; empty when nothing is. */
    String rest() {
        return pending.toString().trim();
    }

    private static void addIfNotEmpty(List<String> out, String statement) {
        if (!statement.isBlank()) {
            out.add(statement.trim());
        }
    }
}
