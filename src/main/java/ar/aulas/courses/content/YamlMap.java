package ar.aulas.courses.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read as plain strings (never constructed into objects), with the file line of
 * every key so each error can say where it is. Errors are collected, not thrown.
 */
final class YamlMap {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DMY_HM = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_HM = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);

    private final String file;
    private final int lineOffset;
    private final List<ContentError> errors;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final int line;

    YamlMap(String file, int lineOffset, MappingNode node, List<ContentError> errors) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.errors = errors;
        this.line = node.getStartMark().getLine() + lineOffset;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple);
            }
        }
    }

    void allowOnly(Set<String> keys) {
        entries.forEach((key, tuple) -> {
            if (!keys.contains(key)) {
                errors.add(new ContentError(file, lineOf(tuple.getKeyNode()), "content.error.unknownKey", key,
                        String.join(", ", keys.stream().sorted().toList())));
            }
        });
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    int line() {
        return line;
    }

    Integer lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line : lineOf(tuple.getKeyNode());
    }

    private int lineOf(Node node) {
        return node.getStartMark().getLine() + lineOffset;
    }

    String string(String key, boolean required) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || (tuple.getValueNode() instanceof ScalarNode s && s.getValue().isBlank())) {
            if (required) {
                errors.add(new ContentError(file, tuple == null ? line : lineOf(tuple.getKeyNode()),
                        "content.error.missing", key));
            }
            return null;
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            return scalar.getValue().strip();
        }
        errors.add(new ContentError(file, lineOf(tuple.getKeyNode()), "content.error.notText", key));
        return null;
    }

    LocalDate date(String key, boolean required) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, DMY) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ContentError(file, lineOf(key), "content.error.date", key, value));
            return null;
        }
    }

    LocalTime time(String key, boolean required) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value, HM);
        } catch (DateTimeParseException e) {
            errors.add(new ContentError(file, lineOf(key), "content.error.time", key, value));
            return null;
        }
    }

    LocalDateTime dateTime(String key, boolean required) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        try {
            if (value.contains("/")) {
                return LocalDateTime.parse(value, DMY_HM);
            }
            return value.contains("T") ? LocalDateTime.parse(value) : LocalDateTime.parse(value, ISO_HM);
        } catch (DateTimeParseException e) {
            errors.add(new ContentError(file, lineOf(key), "content.error.dateTime", key, value));
            return null;
        }
    }

    Integer integer(String key, boolean required, int min) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new ContentError(file, lineOf(key), "content.error.number", key, value));
            return null;
        }
    }

    BigDecimal decimal(String key, boolean required) {
        String value = string(key, required);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value.replace(',', '.'));
            if (n.signum() < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new ContentError(file, lineOf(key), "content.error.number", key, value));
            return null;
        }
    }

    String choice(String key, boolean required, Set<String> allowed, String fallback) {
        String value = string(key, required);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            errors.add(new ContentError(file, lineOf(key), "content.error.choice", key, value,
                    String.join(", ", allowed.stream().sorted().toList())));
            return fallback;
        }
        return value;
    }

    /** A list of plain strings; a single string is accepted as a one-item list. */
    List<String> strings(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (tuple.getValueNode() instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    values.add(scalar.getValue().strip());
                } else {
                    errors.add(new ContentError(file, lineOf(item), "content.error.notText", key));
                }
            }
        } else if (tuple.getValueNode() instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            values.add(scalar.getValue().strip());
        }
        return values;
    }

    /** A list of mappings, such as the exercises of a module. */
    List<YamlMap> maps(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return List.of();
        }
        List<YamlMap> values = new ArrayList<>();
        if (tuple.getValueNode() instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping) {
                    values.add(new YamlMap(file, lineOffset, mapping, errors));
                } else {
                    errors.add(new ContentError(file, lineOf(item), "content.error.notMapping", key));
                }
            }
        } else {
            errors.add(new ContentError(file, lineOf(tuple.getKeyNode()), "content.error.notList", key));
        }
        return values;
    }

    /** A nested mapping converted to plain Java values (strings, lists, maps), for rules read elsewhere. */
    Map<String, Object> plain(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Map.of();
        }
        Object value = toPlain(tuple.getValueNode());
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) map;
            return result;
        }
        errors.add(new ContentError(file, lineOf(tuple.getKeyNode()), "content.error.notMapping", key));
        return Map.of();
    }

    private static Object toPlain(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(YamlMap::toPlain).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(((ScalarNode) tuple.getKeyNode()).getValue(), toPlain(tuple.getValueNode()));
        }
        return map;
    }
}
