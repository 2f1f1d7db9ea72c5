package ar.aulas.courses.content;

import java.util.List;

/** Splits "---\n yaml \n---\n body" into its YAML and its Markdown body. */
record FrontMatter(String yaml, String body) {

    static FrontMatter split(String file, String source, List<ContentError> errors) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        if (!text.startsWith("---\n")) {
            errors.add(new ContentError(file, 1, "content.error.noFrontMatter"));
            return null;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            errors.add(new ContentError(file, 1, "content.error.frontMatterUnclosed"));
            return null;
        }
        String yaml = text.substring(4, end + 1);
        int bodyStart = text.indexOf('\n', end + 4);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new FrontMatter(yaml, body.strip());
    }
}
