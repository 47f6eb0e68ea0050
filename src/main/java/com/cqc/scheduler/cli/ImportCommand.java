package com.cqc.scheduler.cli;

import com.cqc.scheduler.adopt.CatalogAppender;
import com.cqc.scheduler.adopt.Importer;
import com.cqc.scheduler.adopt.Translation;
import com.cqc.scheduler.config.ConfigException;
import com.cqc.scheduler.config.StackFile;
import com.cqc.scheduler.config.YamlReader;
import com.cqc.scheduler.model.StackModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Adopt hand-made Cloud Scheduler jobs: catalog entries for the jobs the catalog"
        + " lacks, and a `pulumi import --file` document so the first `pulumi up` leaves them as they are.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StackOptions stack;
    @Mixin
    JobsListing listing;
    @Option(names = "--catalog", paramLabel = "FILE", description = "The catalog to append to (default: the stack's catalog;"
            + " created when missing).")
    Path catalog;
    @Option(names = "--import-file", paramLabel = "FILE", description = "Where to write the import document"
            + " (default: import-STACK.json in the project directory).")
    Path importFile;
    @Option(names = "--dry-run", description = "Report what would be imported; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = stack.workspace();
        StackFile stackFile = stack.file();
        Instant now = Instant.now();
        StackModel model = stack.load(now);
        List<JsonNode> jobs = listing.read();
        Path from = listing.file;
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

        PrintWriter out = spec.commandLine().getOut();
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
            out.println(dryRun ? "dry run: nothing written" : "nothing to write");
            out.flush();
            return ExitCodes.OK;
        }
        String comment = "imported from " + from.getFileName() + " for stack " + stack.name + " on "
                + LocalDate.ofInstant(now, ZoneOffset.UTC) + " (cqc import)";
        String appended;
        try {
            appended = CatalogAppender.append(catalogText, Importer.entriesYaml(imported), comment);
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(catalogFile.getFileName().toString(), e.getMessage());
        }
        Path importPath = importFile == null ? workspace.dir().resolve("import-" + stack.name + ".json") : importFile;
        write(catalogFile, appended);
        write(importPath, importer.importFile(imported));
        out.println("wrote " + imported.size() + " entries to " + catalogFile + " and the import document " + importPath);
        out.println("next: review the entries (bin/cqc diff, bin/cqc plan --stack " + stack.name + "), then");
        out.println("  pulumi import --stack " + stack.name + " --file " + importPath + " --yes");
        out.println("  pulumi preview --stack " + stack.name + "   # the imported jobs show no change");
        out.flush();
        return ExitCodes.OK;
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
