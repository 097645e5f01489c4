package org.opencce.store;

import java.util.List;

/** One page of a longer result: {@code items} from offset {@code page * pageSize}, of {@code total}. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
