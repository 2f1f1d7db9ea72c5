package ar.aulas.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;

/**
 * How one secondary index would read a filter: the key ranges (from, to) it reads, how many entries they hold,
 * whether that read comes in the order the query's sort asks for (forwards, or backwards when {@code reverse}), and
 * whether the ranges hold exactly the matching documents, one entry each ({@code exact}: the filter is equality or
 * {@code $in} on the keys read and nothing else, and no document has several entries), so their entries count them.
 */
record IndexScan(SecondaryIndex index, List<KeyValue[]> ranges, long entries, boolean ordered, boolean reverse,
        boolean exact) {
}
