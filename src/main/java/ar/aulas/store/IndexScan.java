package ar.aulas.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;

/**
 * How one secondary index would read a filter: the key ranges (from, to) it reads, how many entries they hold, and
 * whether that read comes in the order the query's sort asks for (forwards, or backwards when {@code reverse}).
 */
record IndexScan(SecondaryIndex index, List<KeyValue[]> ranges, long entries, boolean ordered, boolean reverse) {
}
