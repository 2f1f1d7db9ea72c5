package ar.aulas.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A non-unique (compound) index of the embedded store, kept in an MVStore map next to its collection and written in
 * the same commit as the document it follows. Each entry is the document's key values followed by its position (its
 * {@code _id}), so equal values of many documents are distinct entries in key order; a document whose key is an
 * empty array is kept under that array, so every document has at least one entry.
 *
 * <p>It serves a filter with equality (or {@code $in} of plain values) on a prefix of its keys and a range on the
 * next key ({@link #scan}): the positions are read from ranges of the map, and the collection then matches the
 * whole filter on those documents only, so the index must return every matching document and may return more.
 * What it cannot serve exactly (null, a missing field, an array or a document as the value, any other operator) it
 * leaves to the next index or to a scan. It also says how many entries its ranges hold ({@link IndexScan#entries},
 * counted from the map's ranks, no entry read) and whether it reads them in the order a sort asks for.
 */
final class SecondaryIndex extends Index<Object> {

    /** Beyond this many value combinations from {@code $in}, a range per combination costs more than it saves. */
    static final int MAX_COMBINATIONS = 1_000;

    private final MVMap<KeyValue, Boolean> map;
    /** Where the index records that some document gave it several entries (kept with the index's state). */
    private final MVMap<String, String> state;
    private final String stateKey;
    private volatile boolean multikey;

    SecondaryIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse) {
        this(map, name, keys, sparse, null, null);
    }

    SecondaryIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse,
            MVMap<String, String> state, String stateKey) {
        super(name, keys, sparse);
        this.map = map;
        this.state = state;
        this.stateKey = stateKey;
        this.multikey = state != null && "true".equals(state.get(stateKey));
    }

    /**
     * Whether a document has given several entries (an array of two or more values in a key). Then a range with two
     * bounds reads from one bound only: {@code [1, 10]} matches {@code {$gt: 5, $lt: 8}} with no element between.
     * Once set it stays, as MongoDB's multikey flag does.
     */
    boolean multikey() {
        return multikey;
    }

    private void forgetMultikey() {
        multikey = false;
        if (state != null) {
            state.remove(stateKey);
        }
    }

    private List<KeyValue> noted(List<KeyValue> entries) {
        if (entries.size() > 1 && !multikey) {
            multikey = true;
            if (state != null) {
                state.put(stateKey, "true");
            }
        }
        return entries;
    }

    /** The map's key type: values in the server's own order, a prefix before every key it begins. */
    static final class EntryType extends ObjectDataType {
        private final ValueComparator values = ValueComparator.ascWithoutListHandling();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int common = Math.min(x.size(), y.size());
                for (int i = 0; i < common; i++) {
                    int c = values.compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                int size = Integer.compare(x.size(), y.size());
                if (size != 0 || x.equals(y)) {
                    return size;
                }
                // equal in the value order, not equal (null and a missing field): told apart by their bytes
                return compareNotNull(serialize(a), serialize(b));
            }
            return super.compare(a, b);
        }
    }

    /** Every entry one document gives (one per element when a key is an array). */
    private List<KeyValue> entries(Document document, Object position) {
        List<KeyValue> entries = new ArrayList<>();
        Set<KeyValue> keyValues = getKeyValues(document);
        if (keyValues.isEmpty()) {
            // a key holding an empty array gives no combination: the document is kept under that array itself,
            // so a read in key order (a sort) still finds it
            List<Object> values = new ArrayList<>();
            for (String key : keys()) {
                values.add(Utils.getSubdocumentValueCollectionAware(document, key));
            }
            keyValues = Set.of(new KeyValue(values).normalized());
        }
        for (KeyValue values : keyValues) {
            List<Object> key = new ArrayList<>(values.size() + 1);
            values.forEach(key::add);
            key.add(position);
            entries.add(new KeyValue(key));
        }
        return entries;
    }

    static Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
    }

    /** Fills the index from every document of its collection (positions are the data map's keys). */
    void build(MVMap<Object, Document> documents) {
        map.clear();
        forgetMultikey();
        for (Map.Entry<Object, Document> e : documents.entrySet()) {
            noted(entries(e.getValue(), e.getKey())).forEach(k -> map.put(k, Boolean.TRUE));
        }
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // any values may repeat
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        noted(entries(document, position)).forEach(k -> map.put(k, Boolean.TRUE));
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        entries(document, position).forEach(map::remove);
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // any values may repeat
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            entries(oldDocument, position).forEach(map::remove);
            noted(entries(newDocument, position)).forEach(k -> map.put(k, Boolean.TRUE));
        }
    }

    /**
     * How this index would read a filter, or null when it cannot: equality (or {@code $in} of plain values) on a
     * prefix of its keys, then at most one range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} of plain
     * values) on the next key. The key ranges read hold every document that matches and may hold more (a range
     * reads values of every type between its bounds); the collection matches the whole filter on what they give.
     *
     * <p>The read is in the order a sort asks for when every key before the sort's keys is fixed to one value and
     * the sort's other keys follow in the index's order, all ascending (read forwards) or all descending (read
     * backwards). Sort keys fixed by the filter are left out first, as MongoDB does.
     */
    synchronized IndexScan scan(Document query, Document orderBy) {
        List<String> keys = keys();
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        Set<String> fixed = new HashSet<>();
        boolean allSingle = true;
        int prefix = 0;
        Object low = null;
        Object high = null;
        boolean ranged = false;
        for (String key : keys) {
            if (!query.containsKey(key)) {
                break;
            }
            Object condition = query.get(key);
            List<Object> values = plainValues(condition);
            if (values != null && !values.isEmpty()) {
                if ((long) combinations.size() * values.size() > MAX_COMBINATIONS) {
                    break;
                }
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> start : combinations) {
                    for (Object value : values) {
                        List<Object> extended = new ArrayList<>(start);
                        extended.add(value);
                        next.add(extended);
                    }
                }
                combinations = next;
                if (values.size() == 1) {
                    fixed.add(key);
                } else {
                    allSingle = false;
                }
                prefix++;
                continue;
            }
            Object[] bounds = rangeOf(condition);
            if (bounds != null) {
                low = bounds[0];
                high = multikey && low != null ? null : bounds[1];
                ranged = true;
            }
            break;
        }
        if (prefix == 0 && !ranged) {
            return null;
        }
        List<KeyValue[]> ranges = new ArrayList<>(combinations.size());
        long entries = 0;
        for (List<Object> values : combinations) {
            List<Object> from = new ArrayList<>(values);
            List<Object> to = new ArrayList<>(values);
            if (ranged) {
                if (low != null) {
                    from.add(low);
                }
                if (high != null) {
                    to.add(high);
                }
            }
            if (from.isEmpty()) {
                from.add(MinKey.getInstance());
            }
            to.add(MAX);
            KeyValue[] range = {new KeyValue(from).normalized(), new KeyValue(to).normalized()};
            ranges.add(range);
            entries += insertionPoint(range[1]) - insertionPoint(range[0]);
        }
        Boolean reverse = allSingle ? readingOrder(keys, prefix, fixed, orderBy) : null;
        boolean exact = !ranged && !multikey && query.size() == prefix;
        return new IndexScan(this, ranges, entries, reverse != null, Boolean.TRUE.equals(reverse), exact);
    }

    /** Forwards (false), backwards (true), or null when reading from the prefix on does not give the sort. */
    private static Boolean readingOrder(List<String> keys, int prefix, Set<String> fixed, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.FALSE;
        }
        Boolean reverse = null;
        int next = prefix;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
            if (!(sort.getValue() instanceof Number direction) || next >= keys.size()
                    || !keys.get(next).equals(sort.getKey())) {
                return null;
            }
            boolean descending = direction.doubleValue() < 0;
            if (reverse != null && reverse != descending) {
                return null;
            }
            reverse = descending;
            next++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    /** The bounds of a condition made only of range operators on plain values ({null, null} never: null). */
    private static Object[] rangeOf(Object condition) {
        if (!(condition instanceof Document operators) || operators.isEmpty() || operators.size() > 2) {
            return null;
        }
        Object low = null;
        Object high = null;
        for (Map.Entry<String, Object> e : operators.entrySet()) {
            if (!plain(e.getValue())) {
                return null;
            }
            switch (e.getKey()) {
                case "$gt", "$gte" -> {
                    if (low != null) {
                        return null;
                    }
                    low = e.getValue();
                }
                case "$lt", "$lte" -> {
                    if (high != null) {
                        return null;
                    }
                    high = e.getValue();
                }
                default -> {
                    return null;
                }
            }
        }
        return new Object[] {low, high};
    }

    /** The number of entries before this key (which is never an entry: it is a bound). */
    private long insertionPoint(KeyValue bound) {
        long index = map.getKeyIndex(bound);
        return index < 0 ? -(index + 1) : index;
    }

    private static final MaxKey MAX = MaxKey.getInstance();

    /** The documents' positions in the scan's ranges, each once, read lazily in the index's order or backwards. */
    Iterator<Object> positions(IndexScan scan) {
        List<KeyValue[]> ranges = new ArrayList<>(scan.ranges());
        if (scan.reverse()) {
            Collections.reverse(ranges);
        }
        return new Iterator<>() {
            private final Set<Object> seen = new HashSet<>();
            private int range = -1;
            private Iterator<KeyValue> keys = Collections.emptyIterator();
            private Object next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (keys.hasNext()) {
                        KeyValue key = keys.next();
                        KeyValue[] bounds = ranges.get(range);
                        if (scan.reverse() ? ENTRIES.compare(key, bounds[0]) < 0 : ENTRIES.compare(key, bounds[1]) > 0) {
                            keys = Collections.emptyIterator();
                        } else {
                            Object position = key.get(key.size() - 1);
                            if (seen.add(position)) {
                                next = position;
                            }
                        }
                    } else if (++range < ranges.size()) {
                        KeyValue[] bounds = ranges.get(range);
                        keys = scan.reverse() ? map.keyIteratorReverse(bounds[1]) : map.keyIterator(bounds[0]);
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object position = next;
                next = null;
                return position;
            }
        };
    }

    private static final EntryType ENTRIES = new EntryType();

    /** The values a filter's condition on one key means exactly, or null when it is not plain equality or $in. */
    private static List<Object> plainValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1 || !(operators.get("$in") instanceof Collection<?> in)) {
                return null;
            }
            Set<Object> values = new LinkedHashSet<>();
            for (Object v : in) {
                if (!plain(v)) {
                    return null;
                }
                values.add(v);
            }
            return new ArrayList<>(values);
        }
        return plain(condition) ? List.of(condition) : null;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof MaxKey) && !(value instanceof MinKey)
                && !BsonRegularExpression.isRegularExpression(value) && !(value instanceof Pattern);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return scan(query, null) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        IndexScan scan = scan(query, null);
        return () -> positions(scan);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
        forgetMultikey();
    }
}
