package org.opencce.formats.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment as read: its tag, its 1-based position in the file (ISA is 1, as StAEDI counts), the
 * line it starts on, and its elements, each a list of components (one for a simple element; none for
 * an element left empty).
 */
record Segment(String tag, int position, long line, List<List<String>> elements) {

    Segment {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> e : elements) {
            copy.add(List.copyOf(e));
        }
        elements = List.copyOf(copy);
    }

    /** The value of element {@code n} (1-based; its first component), or {@code ""} when it is absent. */
    String element(int n) {
        return n <= elements.size() && !elements.get(n - 1).isEmpty() ? elements.get(n - 1).get(0) : "";
    }

    /** The components of element {@code n}, empty when it is absent. */
    List<String> components(int n) {
        return n <= elements.size() ? elements.get(n - 1) : List.of();
    }

    /** How this segment is named in messages: {@code segment 12 (REF)}. */
    String name() {
        return "segment " + position + " (" + tag + ")";
    }
}
