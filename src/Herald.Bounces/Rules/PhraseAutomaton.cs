namespace Herald.Bounces.Rules;

/// <summary>
/// An Aho-Corasick automaton over the ASCII phrase table: one pass over a text yields a bit mask of every
/// table key (reason) with a phrase in it. Linear in the text whatever its content, and one scan instead of
/// one per reason.
/// </summary>
internal sealed class PhraseAutomaton
{
    private readonly byte[] _symbols = new byte[128];
    private readonly int _alphabet;
    private readonly ushort[] _next;
    private readonly ulong[] _output;

    public PhraseAutomaton(IReadOnlyList<(string Phrase, int Key)> phrases)
    {
        // Symbol 0 stands for every character no phrase uses: it always leads back to the root.
        var alphabet = 1;
        foreach (var (phrase, _) in phrases)
        {
            foreach (var c in phrase)
            {
                if (c >= 128)
                {
                    throw new InvalidOperationException($"phrase '{phrase}' is not ASCII");
                }

                if (_symbols[c] == 0)
                {
                    _symbols[c] = (byte)alphabet++;
                }
            }
        }

        _alphabet = alphabet;
        var children = new List<int[]> { New() };
        var output = new List<ulong> { 0 };
        foreach (var (phrase, key) in phrases)
        {
            var node = 0;
            foreach (var c in phrase)
            {
                var s = _symbols[c];
                if (children[node][s] < 0)
                {
                    children[node][s] = children.Count;
                    children.Add(New());
                    output.Add(0);
                }

                node = children[node][s];
            }

            output[node] |= 1UL << key;
        }

        if (children.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException("phrase table too large for the automaton");
        }

        _next = new ushort[children.Count * alphabet];
        _output = [.. output];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        for (var s = 0; s < alphabet; s++)
        {
            var child = children[0][s];
            if (child > 0)
            {
                fail[child] = 0;
                _next[s] = (ushort)child;
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            _output[node] |= _output[fail[node]];
            for (var s = 0; s < alphabet; s++)
            {
                var child = children[node][s];
                if (child > 0)
                {
                    fail[child] = _next[(fail[node] * alphabet) + s];
                    _next[(node * alphabet) + s] = (ushort)child;
                    queue.Enqueue(child);
                }
                else
                {
                    _next[(node * alphabet) + s] = _next[(fail[node] * alphabet) + s];
                }
            }
        }

        int[] New()
        {
            // A loop, not Array.Fill: Fill<int> is not in the framework's ReadyToRun image and was JIT-compiled per run.
            var row = new int[alphabet];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = -1;
            }

            return row;
        }
    }

    /// <summary>Bit i is set when a phrase of key i occurs in the (lowercased) text.</summary>
    public ulong Scan(string text)
    {
        var node = 0;
        var found = 0UL;
        foreach (var c in text)
        {
            node = _next[(node * _alphabet) + (c < 128 ? _symbols[c] : 0)];
            found |= _output[node];
        }

        return found;
    }
}
