package org.dicomcatalog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    @Test
    void statementsEndAtSemicolonsOutsideQuotesAndComments() {
        StatementSplitter s = new StatementSplitter();
        assertEquals(List.of(), s.add("SELECT 'a;b', \"c;d\", `e;f` -- g;h"));
        assertEquals(List.of("SELECT 'a;b', \"c;d\", `e;f` -- g;h\nFROM t"), s.add("FROM t; "));
        assertEquals(List.of("SELECT 1", "SELECT /* ; */ 'it\\'s;' AS x"),
                s.add("SELECT 1;; SELECT /* ; */ 'it\\'s;' AS x;"));
        assertEquals(List.of(), s.add("SELECT 2"));
        assertEquals("SELECT 2", s.rest());
    }
}
