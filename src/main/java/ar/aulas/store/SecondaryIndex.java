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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A non-unique (compound) index of the embedded store, kept in an MVStore map next to its collection and written in
 * the same commit as the document it follows. Each entry is the document's key values followed by its position (its
 * {@code _id}), so equal values of many documents are distinct entries in key order.
 *
 * <p>It serves a filter with equality (or {@code $in} of plain values) on a prefix of its keys: the positions are
 * read from a range of the map, and the collection then matches the whole filter on those documents only, so the
 * index must return every matching document and may return more. What it cannot serve exactly (null, a missing
 * field, an array or a document as the value, any other operator) it leaves to the next index or to a scan.
 */
final class SecondaryIndex extends Index<Object> {

    /** Beyond this many value combinations from {@code $in}, a range per combination costs more than it saves. */
    static final int MAX_COMBINATIONS = 1_000;

    private final MVMap<KeyValue, Boolean> map;

    SecondaryIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
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
        for (KeyValue values : getKeyValues(document)) {
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
        for (Map.Entry<Object, Document> e : documents.entrySet()) {
            entries(e.getValue(), e.getKey()).forEach(k -> map.put(k, Boolean.TRUE));
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
        entries(document, position).forEach(k -> map.put(k, Boolean.TRUE));
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
            entries(newDocument, position).forEach(k -> map.put(k, Boolean.TRUE));
        }
    }

    /** How many leading keys the filter fixes (0: it cannot be served). */
    int prefixServed(Document query) {
        int prefix = 0;
        long combinations = 1;
        for (String key : keys()) {
            if (!query.containsKey(key)) {
                break;
            }
            List<Object> values = plainValues(query.get(key));
            if (values == null || values.isEmpty()) {
                break;
            }
            combinations *= values.size();
            if (combinations > MAX_COMBINATIONS) {
                break;
            }
            prefix++;
        }
        return prefix;
    }

    /** The values a filter's condition on one key means exactly, or null when it is not plain equality or $in. */
    private static List<Object> plainValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1 || !(operators.get("$in") instanceof Collection<?> in)) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Object v : in) {
                if (!plain(v)) {
                    return null;
                }
                values.add(v);
            }
            return values;
        }
        return plain(condition) ? List.of(condition) : null;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value) && !(value instanceof java.util.regex.Pattern);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return prefixServed(query) > 0;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        int prefix = prefixServed(query);
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        for (String key : keys().subList(0, prefix)) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> start : combinations) {
                for (Object value : plainValues(query.get(key))) {
                    List<Object> extended = new ArrayList<>(start);
                    extended.add(value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (List<Object> values : combinations) {
            KeyValue from = new KeyValue(values).normalized();
            Iterator<KeyValue> keys = map.keyIterator(from);
            while (keys.hasNext()) {
                KeyValue key = keys.next();
                if (!startsWith(key, from)) {
                    break;
                }
                positions.add(key.get(key.size() - 1));
            }
        }
        return positions;
    }

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** Whether the entry begins with the queried values (never null or missing: those are not served). */
    private static boolean startsWith(KeyValue key, KeyValue prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (VALUES.compare(key.get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index a filter is best read through: a unique index that can serve it (one document at most), else the
     * secondary index that fixes the most leading keys (the first of them on a tie), else none (a scan).
     */
    static Index<Object> best(List<Index<Object>> indexes, Document query) {
        Index<Object> best = null;
        int served = 0;
        for (Index<Object> index : indexes) {
            if (index.isUnique()) {
                if (index.canHandle(query)) {
                    return index;
                }
            } else if (index instanceof SecondaryIndex secondary) {
                int prefix = secondary.prefixServed(query);
                if (prefix > served) {
                    best = index;
                    served = prefix;
                }
            }
        }
        return best;
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
    }
}
