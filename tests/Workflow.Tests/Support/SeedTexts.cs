using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Support;

/// <summary>
/// The source documents' text in <c>../shared/seeds</c> (beside the repository, where CI has them), mapped from the titles
/// citations use to the seed files. A plain clone has no seeds: <see cref="Directory"/> is null and the tests that read
/// them report themselves skipped (<see cref="SeedsFactAttribute"/>).
/// </summary>
internal static class SeedTexts
{
    /// <summary>Title (as citations name it) to seed file; see ../shared/seeds/README.md.</summary>
    public static IReadOnlyDictionary<string, string> FileOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SeedDocuments.Regulations] = "000_49a2f27d08ba375b.txt",
        [SeedDocuments.IwpSummary] = "001_4846ddfc92510596.txt",
        [SeedDocuments.QualityIwpWebinar2025] = "002_631658ca30a11325.txt",
        [SeedDocuments.EnGuide] = "003_edfde4bed19f148d.txt",
        [SeedDocuments.Statute] = "004_e343f27e7b457a80.txt",
    };

    /// <summary>The seeds directory, or null when there is none above the test's output directory.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>Why seed-reading tests are skipped here.</summary>
    public const string SkipReason = "../shared/seeds is not beside this clone: the word-for-word citation checks run where the source documents are (CI).";

    /// <summary>The text of the document with this title, normalised (hyphenated line breaks joined, one space between words).</summary>
    public static string Text(string title) =>
        Normalise(File.ReadAllText(Path.Combine(Directory ?? throw new InvalidOperationException(SkipReason), FileOf[title])));

    /// <summary>Normalises a quote or a document the same way, so a line break or typographic apostrophe does not count.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Replace(text, @"(\w)- *\r?\n(\w)", "$1$2").Replace('\u2019', '\'').Replace("\\$", "$", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal)
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The seeds live beside the repository (../shared/seeds); a copy under docs/seeds is accepted too.
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "docs", "seeds") })
            {
                if (System.IO.Directory.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the source documents: skipped, with the reason, where ../shared/seeds is missing.</summary>
internal sealed class SeedsFactAttribute : FactAttribute
{
    public SeedsFactAttribute()
    {
        if (SeedTexts.Directory is null)
            Skip = SeedTexts.SkipReason;
    }
}
