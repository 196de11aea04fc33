using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Text;
using Xunit.Abstractions;

namespace PolicyTracker.Extraction.Tests;

public sealed class DebugDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var path = Environment.GetEnvironmentVariable("DUMP_FILE");
        if (path is null)
        {
            return;
        }

        var text = File.ReadAllText(path);
        var tokens = Tokenizer.Tokenize(text, 0, text.Length);
        var sentences = SentenceSplitter.Split(text, tokens);
        for (var s = 0; s < sentences.Count && s < 12; s++)
        {
            var bodies = BodyPhraseFinder.Find(tokens, sentences[s].First, sentences[s].Last);
            output.WriteLine($"S{s}: {text[tokens[sentences[s].First].Start..Math.Min(tokens[sentences[s].First].Start + 80, text.Length)]}");
            foreach (var b in bodies)
            {
                output.WriteLine($"   body '{b.Text}' generic={b.IsGeneric} head={b.Head}");
            }
        }
    }
}
