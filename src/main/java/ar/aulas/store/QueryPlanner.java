package ar.aulas.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks how a collection of the embedded store reads a filter: through a unique index, a secondary index's key
 * ranges, or a scan of every document. It counts what each way would read: one document for a unique index whose
 * keys the filter fixes (its other conditions matched afterwards, so {@code {_id, version}} is served by
 * {@code _id}), the entries of a secondary index's ranges (from the map's ranks, no entry read), every document for
 * a scan. A read in the order of the query's sort, with a limit, stops once it has enough matches: it is counted
 * as the limit scaled by how many of its entries are expected to match (the smallest count of any way is an upper
 * bound of the result). The cheapest way wins; on a tie the one giving the sort, then the first declared.
 */
final class QueryPlanner {

    /** The chosen way: {@code unique} (with the filter it is asked), else {@code scan}, else neither (every document). */
    /** @param exact the unique index's keys are the whole filter: its positions are exactly the matches */
    record Plan(Index<Object> unique, Document uniqueQuery, IndexScan scan, boolean exact) {
        static final Plan FULL_SCAN = new Plan(null, null, null, false);

        Plan(Index<Object> unique, Document uniqueQuery, IndexScan scan) {
            this(unique, uniqueQuery, scan, false);
        }

        boolean ordered() {
            return scan != null && scan.ordered();
        }
    }

    private QueryPlanner() {
    }

    static Plan plan(List<Index<Object>> indexes, long documents, Document query, Document orderBy, int skip, int limit) {
        Document planned = flattened(query);
        for (Index<Object> index : indexes) {
            if (index.isUnique()) {
                Document keys = servedByUnique(index, planned);
                if (keys != null) {
                    return new Plan(index, keys, null, query.keySet().equals(keys.keySet()));
                }
            }
        }
        boolean sorted = orderBy != null && !orderBy.isEmpty() && !orderBy.containsKey("$natural");
        List<IndexScan> scans = indexes.stream()
                .filter(SecondaryIndex.class::isInstance)
                .map(i -> ((SecondaryIndex) i).scan(planned, sorted ? orderBy : null))
                .filter(s -> s != null)
                .toList();
        long bound = documents;
        for (IndexScan scan : scans) {
            bound = Math.min(bound, scan.entries());
        }
        long wanted = limit > 0 ? (long) Math.max(skip, 0) + limit : Long.MAX_VALUE;
        IndexScan best = null;
        double bestCost = cost(documents, !sorted, wanted, bound);
        boolean bestOrdered = !sorted;
        for (IndexScan scan : scans) {
            boolean ordered = scan.ordered();
            double cost = cost(scan.entries(), ordered, wanted, bound);
            if (cost < bestCost || (cost == bestCost && ordered && !bestOrdered)) {
                best = scan;
                bestCost = cost;
                bestOrdered = ordered;
            }
        }
        return best == null ? Plan.FULL_SCAN : new Plan(null, null, best);
    }

    /**
     * How many documents match a filter, from the index ranks alone when one index's ranges hold exactly them; else
     * -1 (the documents must be read). An empty filter is the collection's size.
     */
    static long coveredCount(List<Index<Object>> indexes, long documents, Document query) {
        if (query.isEmpty()) {
            return documents;
        }
        if (query.get("$or") instanceof List<?> branches) {
            return coveredUnion(indexes, query, branches);
        }
        IndexScan scan = exactScan(indexes, query);
        return scan == null ? -1 : scan.entries();
    }

    /**
     * The count of an {@code $or} whose every branch, with the filter's other conditions, is exactly some index's
     * ranges: the positions of all branches, each counted once (index keys read, no document).
     */
    private static long coveredUnion(List<Index<Object>> indexes, Document query, List<?> branches) {
        List<IndexScan> scans = new ArrayList<>();
        for (Object branch : branches) {
            if (!(branch instanceof Document conditions)) {
                return -1;
            }
            Document merged = new Document();
            merged.putAll(query);
            merged.remove("$or");
            for (Map.Entry<String, Object> e : conditions.entrySet()) {
                if (merged.containsKey(e.getKey())) {
                    return -1;
                }
                merged.put(e.getKey(), e.getValue());
            }
            IndexScan scan = exactScan(indexes, merged);
            if (scan == null) {
                return -1;
            }
            scans.add(scan);
        }
        Set<Object> positions = new HashSet<>();
        for (IndexScan scan : scans) {
            scan.index().positions(scan).forEachRemaining(positions::add);
        }
        return positions.size();
    }

    private static IndexScan exactScan(List<Index<Object>> indexes, Document query) {
        for (String key : query.keySet()) {
            if (key.startsWith("$")) {
                return null;
            }
        }
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary) {
                IndexScan scan = secondary.scan(query, null);
                if (scan != null && scan.exact()) {
                    return scan;
                }
            }
        }
        return null;
    }

    /** Documents read: all of them, or (in order, with a limit) the limit over the share expected to match. */
    static double cost(long entries, boolean ordered, long wanted, long bound) {
        if (!ordered || wanted == Long.MAX_VALUE) {
            return entries;
        }
        double matching = Math.max(bound, 1);
        return Math.min(entries, wanted * (entries / matching));
    }

    /** The filter's conditions on a unique index's keys when the index can serve them exactly, else null. */
    private static Document servedByUnique(Index<Object> index, Document query) {
        Document keys = new Document();
        for (var key : index.getKeys()) {
            Object condition = query.get(key.getKey());
            if (condition == null || condition instanceof Collection || BsonRegularExpression.isRegularExpression(condition)
                    || (condition instanceof Document d && !(d.size() == 1 && d.get("$in") instanceof Collection))) {
                return null;
            }
            keys.put(key.getKey(), condition);
        }
        return index.canHandle(keys) ? keys : null;
    }

    /** The filter with the conditions of a top-level {@code $and} raised beside the others, to plan with only. */
    static Document flattened(Document query) {
        if (!(query.get("$and") instanceof List<?> all)) {
            return query;
        }
        Document flat = new Document();
        flat.putAll(query);
        flat.remove("$and");
        for (Object part : all) {
            if (part instanceof Document conditions) {
                for (Map.Entry<String, Object> e : conditions.entrySet()) {
                    if (!e.getKey().startsWith("$")) {
                        flat.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }
        return flat;
    }
}
