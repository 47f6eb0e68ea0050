package com.cqc.scheduler.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resource property values as people and JSON readers expect them. The engine hands inputs over as a
 * protobuf Struct, which knows only doubles: {@link #typed} gives integer fields back their type, and
 * {@link #flow} writes a value in YAML flow syntax ({@code {Content-Type: application/json}}), never
 * in Java's {@code toString}.
 */
final class Values {
    /** The fields of the gcp provider's schema (7.0.0) that are numbers, not integers. */
    private static final Set<String> FLOAT_FIELDS = Set.of("thresholdValue", "percent");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/(][A-Za-z0-9_./@()+=$:?&%-]*( [A-Za-z0-9_./@()+=$:?&%-]+)*");
    private static final Pattern LOOKS_TYPED = Pattern.compile("(?i)true|false|null|yes|no|on|off|~|[-+]?[0-9][0-9_.eE+-]*");

    private Values() {}

    /** A copy with integral doubles as {@code Long}, except in the schema's float fields. */
    static Object typed(Object value) {
        return typed(null, value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> typedMap(Map<String, Object> map) {
        return (Map<String, Object>) typed(null, map);
    }

    private static Object typed(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), typed(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(typed(key, v)));
            return out;
        }
        if (value instanceof Double d && (key == null || !FLOAT_FIELDS.contains(key)) && d == Math.rint(d) && !d.isInfinite()
                && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return value;
    }

    /** One value in YAML flow syntax: maps {@code {k: v}}, lists {@code [a, b]}, strings quoted when needed. */
    static String flow(Object value) {
        Object v = typed(value);
        StringBuilder out = new StringBuilder();
        flow(v, out);
        return out.toString();
    }

    private static void flow(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep);
                flow(String.valueOf(e.getKey()), out);
                out.append(": ");
                flow(e.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String sep = "";
            for (Object item : list) {
                out.append(sep);
                flow(item, out);
                sep = ", ";
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append(plain(s) ? s : quoted(s));
        } else {
            out.append(value);   // numbers, booleans, null
        }
    }

    /** Whether a string reads back as the same string when written without quotes. */
    static boolean plain(String s) {
        return !s.isEmpty() && PLAIN.matcher(s).matches() && !LOOKS_TYPED.matcher(s).matches()
                && !s.contains(": ") && !s.endsWith(":");
    }

    /** A double-quoted string (valid in JSON and YAML). */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
