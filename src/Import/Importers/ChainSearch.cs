using System.Collections.Generic;

namespace RnnGen.Import;

/// <summary>
/// Orders of a state_dict's modules in which every module's input size is the previous one's output, each module used
/// once: a depth-first search trying modules in preference order, likely first modules (whose input no other module
/// outputs) first. Bounded: state_dicts with many same-sized modules have factorially many orders, and two are enough
/// to know the order is ambiguous.
/// </summary>
internal static class ChainSearch
{
    private const int MaxVisits = 100_000;

    /// <summary>Up to <paramref name="limit"/> complete orders, best first; empty when the sizes do not chain.</summary>
    public static List<List<List<ImportedLayer>>> Find(List<List<ImportedLayer>> modules, int limit)
    {
        var starts = new List<List<ImportedLayer>>();
        starts.AddRange(modules.FindAll(m => !modules.Exists(o => o != m && o[^1].OutputSize == m[0].InputSize)));
        starts.AddRange(modules.FindAll(m => !starts.Contains(m)));
        var found = new List<List<List<ImportedLayer>>>();
        var path = new List<List<ImportedLayer>>();
        var used = new HashSet<List<ImportedLayer>>();
        int visits = 0;
        foreach (List<ImportedLayer> start in starts)
        {
            Extend(modules, start, path, used, found, limit, ref visits);
            if (found.Count >= limit || visits >= MaxVisits)
            {
                break;
            }
        }

        return found;
    }

    private static void Extend(List<List<ImportedLayer>> modules, List<ImportedLayer> next, List<List<ImportedLayer>> path, HashSet<List<ImportedLayer>> used, List<List<List<ImportedLayer>>> found, int limit, ref int visits)
    {
        path.Add(next);
        used.Add(next);
        visits++;
        if (path.Count == modules.Count)
        {
            found.Add(new List<List<ImportedLayer>>(path));
        }
        else
        {
            int output = next[^1].OutputSize;
            foreach (List<ImportedLayer> candidate in modules)
            {
                if (found.Count >= limit || visits >= MaxVisits)
                {
                    break;
                }

                if (!used.Contains(candidate) && candidate[0].InputSize == output)
                {
                    Extend(modules, candidate, path, used, found, limit, ref visits);
                }
            }
        }

        path.RemoveAt(path.Count - 1);
        used.Remove(next);
    }
}
