package com.cqc.scheduler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one form a body or message object is sent in: compact JSON with the keys of every object sorted,
 * recursively (P16). The Pulumi engine hands a stack file's objects to the program as JSON written by Go's
 * encoding/json, which sorts map keys by their bytes; the offline path reads YAML in its written order.
 * Sorting both the same way makes the catalog, a stack file, the offline plan, drift, import and
 * {@code pulumi up} agree byte for byte. Arrays keep their order: it is part of the value. Numbers follow the
 * same path: Go writes a whole float below 1e21 without a fraction ({@code 1.0} becomes {@code 1}), which the
 * program then reads as an integer, so a whole float is written as an integer here too.
 */
public final class CanonicalJson {
    private static final BigDecimal GO_EXPONENT_FORM = new BigDecimal("1e21");

    private CanonicalJson() {}

    /** {@code node} as compact JSON with every object's keys in code point order (= Go's UTF-8 byte order). */
    public static String of(JsonNode node) {
        return Json.write(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(CanonicalJson::compareCodePoints);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            keys.forEach(k -> out.set(k, sorted(node.get(k))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        if (node.isFloatingPointNumber() && isWholeBelowGoExponentForm(node.decimalValue())) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().toBigInteger());
        }
        return node;
    }

    /** Go's encoding/json switches to exponent form from 1e21 on; below, a whole float has no fraction. */
    private static boolean isWholeBelowGoExponentForm(BigDecimal value) {
        return value.abs().compareTo(GO_EXPONENT_FORM) < 0 && value.stripTrailingZeros().scale() <= 0;
    }

    /** String.compareTo orders UTF-16 units, which puts U+10000 and above before U+E000..U+FFFF; Go does not. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
