package com.cqc.scheduler.cli;

import com.cqc.scheduler.adopt.CatalogAppender;
import com.cqc.scheduler.adopt.Importer;
import com.cqc.scheduler.adopt.StackOverrideAppender;
import com.cqc.scheduler.adopt.Translation;
import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.StackLoader;
import com.cqc.scheduler.config.YamlReader;
import com.cqc.scheduler.model.StackModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class ImportCommand implements Command {
    static final String NAME = "import";
    static final String DESCRIPTION = "Adopt hand-made Cloud Scheduler jobs: catalog entries for the jobs the catalog"
            + " lacks, and a `pulumi import --file` document so the first `pulumi up` leaves them as they are.";

    private static final Option CATALOG = Option.builder().longOpt("catalog").hasArg().argName("FILE")
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("The catalog to append to (default: the stack's catalog; created when missing).").get();
    private static final Option IMPORT_FILE = Option.builder().longOpt("import-file").hasArg().argName("FILE")
            .type(Path.class).converter(OptionTypes.PATH)
            .desc("Where to write the import document (default: import-STACK.json in the project directory).").get();
    private static final Option DRY_RUN = Option.builder().longOpt("dry-run")
            .desc("Report what would be imported; write nothing.").get();
    /** A list: each value is split at commas, and the option may be given more than once. */
    private static final Option STACKS = Option.builder().longOpt("stacks").hasArgs().valueSeparator(',').argName("A,B")
            .desc("Other stacks that deploy the new entries too (they create the jobs there). Every other stack that"
                    + " reads the catalog gets 'enabled: false' for them in its Pulumi.<stack>.yaml.").get();

    @Override
    public Options options() {
        return JobsListing.addTo(StackOptions.addTo(new Options())).addOption(CATALOG).addOption(IMPORT_FILE)
                .addOption(DRY_RUN).addOption(STACKS);
    }

    @Override
    public int run(Arguments args, PrintWriter out) throws Exception {
        StackOptions stack = StackOptions.of(args);
        JobsListing listing = JobsListing.of(args);
        Path catalog = args.value(CATALOG, null);
        boolean dryRun = args.has(DRY_RUN);
        Workspace workspace = stack.workspace();
        StackFile stackFile = stack.file();
        Instant now = Instant.now();
        Set<String> deploying = deployingStacks(workspace, stack.name(), args.values(STACKS));
        StackModel model = stack.load(now);
        List<JsonNode> jobs = listing.read();
        Path from = listing.file();
        Path catalogFile = catalog == null ? workspace.catalog(stackFile) : catalog;
        String catalogText = Files.exists(catalogFile) ? Workspace.read(catalogFile, "--catalog") : "";
        JsonNode catalogTree = catalogTree(catalogText, catalogFile);

        Set<String> ids = new HashSet<>();
        catalogTree.path("pipelines").fieldNames().forEachRemaining(ids::add);
        String defaults = catalogTree.has("defaults") ? new YAMLMapper().writeValueAsString(catalogTree.get("defaults")) : "";
        Importer importer = new Importer(model.settings(), stackFile, now);
        List<Translation> translations = importer.translate(jobs, ids, defaults);
        List<Translation.Imported> imported = translations.stream()
                .filter(t -> t instanceof Translation.Imported).map(t -> (Translation.Imported) t).toList();

        out.printf("%d job(s) in %s: %d to import, %d not imported%n", jobs.size(), from, imported.size(),
                translations.size() - imported.size());
        for (Translation t : translations) {
            if (t instanceof Translation.Imported i) {
                out.println("+ " + i.id() + "  (" + i.name() + ")");
                i.notes().forEach(n -> out.println("    note: " + n));
            } else {
                Translation.Skipped s = (Translation.Skipped) t;
                out.println("- " + s.name() + "  not imported:");
                s.reasons().forEach(r -> out.println("    because " + r));
            }
        }
        if (imported.isEmpty() || dryRun) {
            if (dryRun && !imported.isEmpty()) {
                out.println("other stacks would get 'enabled: false' for the new entries unless named with --stacks");
            }
            out.println(dryRun ? "dry run: nothing written" : "nothing to write");
            out.flush();
            return ExitCodes.OK;
        }
        String comment = "imported from " + from.getFileName() + " for stack " + stack.name() + " on "
                + LocalDate.ofInstant(now, ZoneOffset.UTC) + " (cqc import)";
        String appended;
        try {
            appended = CatalogAppender.append(catalogText, Importer.entriesYaml(imported), comment);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(catalogFile.getFileName().toString(), e.getMessage());
        }
        List<String> newIds = imported.stream().map(Translation.Imported::id).toList();
        // Every file this import changes, checked through the loader before any is written.
        Map<Path, String> writes = new LinkedHashMap<>();
        writes.put(catalogFile, appended);
        List<String> report = new ArrayList<>();
        List<String> sharing = new ArrayList<>();
        for (String other : workspace.stacks()) {
            StackFile otherFile = workspace.stackFile(other);
            Path otherCatalog = catalog != null && other.equals(stack.name()) ? catalog : workspace.catalog(otherFile);
            if (!otherCatalog.toAbsolutePath().normalize().equals(catalogFile.toAbsolutePath().normalize())) {
                report.add(other + ": unchanged (it reads another catalog, " + otherCatalog.getFileName() + ")");
                continue;
            }
            sharing.add(other);
            Path otherPath = workspace.dir().resolve("Pulumi." + other + ".yaml");
            String otherText = Workspace.read(otherPath, "stack file");
            if (deploying.contains(other)) {
                report.add(other.equals(stack.name())
                        ? other + ": deploys " + String.join(", ", newIds) + " (adopted with pulumi import, not created)"
                        : other + ": WILL CREATE " + String.join(", ", newIds) + " on its next up (--stacks); they are"
                        + " not imported there, and the entries carry " + stack.name() + "'s values: review them");
            } else {
                String disabled;
                try {
                    disabled = StackOverrideAppender.disable(otherText, newIds, comment + "; remove to deploy them here");
                } catch (IllegalArgumentException e) {
                    throw ConfigException.of(otherPath.getFileName().toString(), "cannot add 'enabled: false' for the"
                            + " imported pipelines: " + e.getMessage() + "; nothing was written");
                }
                writes.put(otherPath, disabled);
                report.add(other + ": enabled: false written for " + String.join(", ", newIds) + " in "
                        + otherPath.getFileName() + "; it deploys nothing new");
            }
        }
        String catalogAfter = writes.get(catalogFile);
        for (String each : sharing) {
            Path path = workspace.dir().resolve("Pulumi." + each + ".yaml");
            StackFile edited = StackFile.parse(each, path.getFileName().toString(), StackLoader.PROJECT,
                    writes.getOrDefault(path, Workspace.read(path, "stack file")));
            new StackLoader(now).load(catalogAfter, catalogFile.getFileName().toString(), edited);
        }
        Path importPath = args.value(IMPORT_FILE, workspace.dir().resolve("import-" + stack.name() + ".json"));
        writes.put(importPath, importer.importFile(imported));
        writes.forEach(ImportCommand::write);
        out.println("wrote " + imported.size() + " entries to " + catalogFile + " and the import document " + importPath);
        out.println("stacks:");
        report.forEach(line -> out.println("  " + line));
        String file = workspace.dir().toAbsolutePath().normalize().relativize(importPath.toAbsolutePath().normalize()).toString();
        out.println("next (docs/operations.md, \"Adopt hand-made jobs\", steps 4 to 6):");
        nextSteps(stack.name(), file).forEach(c -> out.println("  " + c));
        out.flush();
        return ExitCodes.OK;
    }

    /** The commands of docs/operations.md that follow an import, for one stack and import file. */
    static List<String> nextSteps(String stack, String importFile) {
        return List.of(
                "bin/cqc validate --all",
                "bin/cqc check --stack " + stack,
                "pulumi import --stack " + stack + " --file " + importFile + " --protect=false --generate-code=false",
                "pulumi preview --stack " + stack + " --diff --policy-pack policies --policy-pack-config policies/config/"
                        + stack + ".json");
    }

    /** The stacks that deploy the new entries: the importing one, plus any named with --stacks. */
    private static Set<String> deployingStacks(Workspace workspace, String stack, List<String> others) {
        Set<String> out = new LinkedHashSet<>();
        out.add(stack);
        for (String s : others) {
            if (!workspace.stacks().contains(s)) {
                throw new UsageException("--stacks: unknown stack '" + s + "'; known stacks: "
                        + String.join(", ", workspace.stacks()));
            }
            out.add(s);
        }
        return out;
    }

    private static JsonNode catalogTree(String text, Path file) throws ConfigException {
        JsonNode tree = text.isBlank() ? null : YamlReader.read(text, file.getFileName().toString());
        return tree == null ? new YAMLMapper().createObjectNode() : tree;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
