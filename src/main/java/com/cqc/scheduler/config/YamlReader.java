package com.cqc.scheduler.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project's YAML files (catalog, stack files) the way YAML means them, or refuses them with
 * one line naming file, line and column. SnakeYAML composes the node graph (anchors resolved to what
 * they point at, positions kept); this class turns it into Jackson nodes and adds what a plain load
 * does not check: a key given twice in one map is an error (never "the last one wins"), {@code <<}
 * merge keys merge, and aliases may expand only to a bounded number of values (an alias bomb fails
 * fast). Scalars follow YAML 1.2's core schema: only true/false are booleans, so {@code yes} or
 * {@code on} stay text, as Pulumi's own YAML reader keeps them.
 */
public final class YamlReader {
    /** Values an alias-free file of this many characters cannot exceed, plus room for ordinary aliases. */
    private static final int EXPANSION_BASE = 100_000;
    private static final int NESTING_LIMIT = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TOKEN = Pattern.compile("'?<([a-z ]+)>'?");
    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("block end", "the end of the indented block"),
            Map.entry("block mapping start", "a key at another indentation"),
            Map.entry("block sequence start", "a '- ' list item"),
            Map.entry("block entry", "a '- ' list item"),
            Map.entry("flow mapping start", "'{'"), Map.entry("flow mapping end", "'}'"),
            Map.entry("flow sequence start", "'['"), Map.entry("flow sequence end", "']'"),
            Map.entry("flow entry", "','"), Map.entry("scalar", "a value"), Map.entry("key", "a key"),
            Map.entry("value", "a value"), Map.entry("stream end", "the end of the file"),
            Map.entry("document start", "'---'"), Map.entry("document end", "'...'"),
            Map.entry("anchor", "an anchor"), Map.entry("alias", "an alias"), Map.entry("tag", "a tag"));

    private final String origin;
    private final int expansionLimit;
    private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private int expanded;

    private YamlReader(String origin, int expansionLimit) {
        this.origin = origin;
        this.expansionLimit = expansionLimit;
    }

    /** The text of a project file, which must be UTF-8; a bad byte is reported with its line and column. */
    public static String readFile(Path file, String origin) throws IOException, ConfigException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            throw ConfigException.of(origin + ":" + line + ":" + column, String.format("found the byte 0x%02X, which is"
                    + " not UTF-8 text; expected a UTF-8 file (was it saved as Latin-1 or UTF-16?)", bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The document as Jackson nodes: {@code null} for an empty file. */
    public static JsonNode read(String text, String origin) throws ConfigException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);              // a large catalog is not an invalid one
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);    // bounded below, by what aliases expand to
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(body), options), new CoreSchema(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw ConfigException.of(at(origin, mark), "is not valid YAML: " + plain(e));
        } catch (YAMLException e) {
            throw ConfigException.of(origin, "is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return null;
        }
        return new YamlReader(origin, EXPANSION_BASE + 2 * body.length()).convert(root, "");
    }

    /** A short name for what a node is, for "found a list where a map belongs" messages. */
    public static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing (null)";
        }
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNumber() ? "a number" : "text";
    }

    private JsonNode convert(Node node, String path) throws ConfigException {
        if (++expanded > expansionLimit) {
            throw ConfigException.of(at(origin, node.getStartMark()), "aliases expand to more than " + expansionLimit
                    + " values (an alias bomb?); write the values out or nest fewer aliases");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (!onPath.add(node)) {
            throw ConfigException.of(at(origin, node.getStartMark()), "an alias at " + display(path)
                    + " refers to a map or list that contains it; YAML cannot expand that");
        }
        try {
            if (node instanceof SequenceNode sequence) {
                ArrayNode out = NODES.arrayNode();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    out.add(convert(items.get(i), path + "[" + i + "]"));
                }
                return out;
            }
            return mapping((MappingNode) node, path);
        } finally {
            onPath.remove(node);
        }
    }

    /** Own keys first (each once), then {@code <<} merges add the keys the map does not set itself. */
    private ObjectNode mapping(MappingNode node, String path) throws ConfigException {
        ObjectNode out = NODES.objectNode();
        Map<String, Mark> lines = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                continue;
            }
            if (!(keyNode instanceof ScalarNode key)) {
                throw ConfigException.of(at(origin, keyNode.getStartMark()), "a key at " + display(path)
                        + " is a map or list; keys are single values");
            }
            String name = key.getValue();
            if (name.isEmpty() || key.getTag().equals(Tag.NULL)) {
                throw ConfigException.of(at(origin, key.getStartMark()), "a key in " + display(path) + " is empty;"
                        + " expected a name before the ':'");
            }
            Mark first = lines.putIfAbsent(name, key.getStartMark());
            if (first != null) {
                throw ConfigException.of(at(origin, key.getStartMark()), "the key '" + name + "' is given twice in "
                        + display(path) + " (lines " + (first.getLine() + 1) + " and " + (key.getStartMark().getLine() + 1)
                        + "); YAML would silently keep one, so remove the other");
            }
            out.set(name, convert(tuple.getValueNode(), path.isEmpty() ? name : path + "." + name));
        }
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node source = tuple.getValueNode();
                List<Node> sources = source instanceof SequenceNode s ? s.getValue() : List.of(source);
                for (Node merged : sources) {
                    JsonNode value = convert(merged, path);
                    if (!value.isObject()) {
                        throw ConfigException.of(at(origin, merged.getStartMark()), "'<<' in " + display(path)
                                + " merges " + kind(value) + "; it takes a map (<<: *anchor) or a list of maps");
                    }
                    value.fields().forEachRemaining(e -> {
                        if (!out.has(e.getKey())) {
                            out.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
        }
        return out;
    }

    private static JsonNode scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(text.equalsIgnoreCase("true"));
        }
        try {
            if (tag.equals(Tag.INT)) {
                BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
                return value.bitLength() < 32 ? NODES.numberNode(value.intValue())
                        : value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            }
            if (tag.equals(Tag.FLOAT)) {
                return NODES.numberNode(new BigDecimal(text.startsWith("+") ? text.substring(1) : text).doubleValue());
            }
        } catch (NumberFormatException e) {
            // an explicit !!int or !!float tag on text that is not one: keep the text
        }
        return NODES.textNode(text);
    }

    private static String display(String path) {
        return path.isEmpty() ? "the top-level map" : path;
    }

    private static String at(String origin, Mark mark) {
        return mark == null ? origin : origin + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** SnakeYAML's problem in words: its token names replaced, a tab named as such, the context after it. */
    private static String plain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("\\t")) {
            return "found a tab; YAML indents with spaces only";
        }
        if (problem.startsWith("found undefined alias ")) {
            String name = problem.substring("found undefined alias ".length()).strip();
            return "found the alias *" + name + " before (or without) its anchor &" + name + "; an anchor must come first";
        }
        String text = words(problem);
        if (problem.equals("mapping values are not allowed here")) {
            text = "found ':' where a value continues; quote the value, or indent the key under its parent";
        }
        String context = e.getContext() == null ? "" : words(e.getContext());
        return context.isEmpty() ? text : text + " (" + context + ")";
    }

    private static String words(String snake) {
        Matcher m = TOKEN.matcher(snake);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(TOKENS.getOrDefault(m.group(1), m.group(1))));
        }
        m.appendTail(out);
        return firstLine(out.toString()).replace(" but got ", " but found ").replaceAll("found ([:,?\\-])(?=$| )", "found '$1'");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /** YAML 1.2's core schema: true/false, integers, floats, null and ~; everything else is text. */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Resolver.MERGE, "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }
}
