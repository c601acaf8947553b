using OkeGitOps.Manifests.Diagnostics;
using OkeGitOps.Manifests.Validation;

namespace OkeGitOps.Manifests.Cli.Validate;

/// <summary>
/// Counts results as they stream past, remembering only which documents failed, so that findings of the checks
/// across documents (which arrive last) can turn a valid document into an invalid one in the totals.
/// </summary>
internal sealed class ResultTally
{
    private readonly HashSet<(string File, int Index)> _failed = [];
    private int _documents, _valid, _invalid, _skipped, _errors, _warnings;

    /// <summary>Counts one document's result.</summary>
    public void Add(DocumentResult result)
    {
        _documents++;
        _warnings += result.Diagnostics.Count(d => !d.IsError);
        switch (result.Status)
        {
            case DocumentStatus.Valid: _valid++; break;
            case DocumentStatus.Skipped: _skipped++; break;
            case DocumentStatus.Invalid: _invalid++; _failed.Add((result.File, result.Index)); break;
            default: _errors++; _failed.Add((result.File, result.Index)); break;
        }
    }

    /// <summary>Counts the findings across documents: a valid document with an error finding becomes invalid.</summary>
    public void AddFindings(IEnumerable<(ResourceFacts Document, Diagnostic Diagnostic)> findings)
    {
        foreach (var (document, diagnostic) in findings)
        {
            if (!diagnostic.IsError)
            {
                _warnings++;
                continue;
            }
            if (_failed.Add((document.File, document.DocumentIndex)))
            {
                _valid--;
                _invalid++;
            }
        }
    }

    /// <summary>The totals so far.</summary>
    public ValidationSummary Summary(int files) => new(files, _documents, _valid, _invalid, _skipped, _errors, _warnings);

    /// <summary>Attaches findings to the results they are about (for formats that list every document with its diagnostics).</summary>
    public static List<DocumentResult> Attach(List<DocumentResult> results, IReadOnlyList<(ResourceFacts Document, Diagnostic Diagnostic)> findings)
    {
        if (findings.Count == 0) return results;
        var byDocument = findings.GroupBy(f => (f.Document.File, f.Document.DocumentIndex, f.Document.Kind, f.Document.Name))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Diagnostic).ToList());
        return results.Select(r =>
        {
            if (r.Kind is null || r.Name is null || !byDocument.TryGetValue((r.File, r.Index, r.Kind, r.Name), out var extra)) return r;
            var all = r.Diagnostics.Concat(extra).ToList();
            return r with { Diagnostics = all, Status = all.Any(d => d.IsError) ? DocumentStatus.Invalid : r.Status };
        }).ToList();
    }
}
