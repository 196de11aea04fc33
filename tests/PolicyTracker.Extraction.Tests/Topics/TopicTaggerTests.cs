using System.Diagnostics;
using System.Text;
using PolicyTracker.Extraction.Topics;

namespace PolicyTracker.Extraction.Tests.Topics;

// Invented sentences only: the corpus never enters the repository.
public sealed class TopicTaggerTests
{
    private static TopicTaxonomy Small(string json) => TopicTaxonomy.Parse(Encoding.UTF8.GetBytes(json));

    private static readonly TopicTaxonomy Rules = Small("""
        {
          "version": "test-1",
          "topics": [
            { "id": "security", "label": "Security", "terms": ["security", "counter-terrorism"], "exclude": ["food security", "security council"] },
            { "id": "farming", "label": "Farming", "terms": ["food security", "agricultur*", "grain"] },
            { "id": "ai", "label": "AI", "terms": ["ai", "artificial intelligence", "algorithm*"] },
            { "id": "law", "label": "Law", "terms": ["rule of law", "law"], "exclude": ["in-law"] }
          ]
        }
        """);

    [Fact]
    public void A_keyword_tags_whatever_its_case()
    {
        Rules.Tag("The meeting stressed SECURITY along the border.").ShouldBe(["security"]);
        Rules.Tag("Security comes first, the chair said.").ShouldBe(["security"]);
    }

    [Fact]
    public void A_keyword_matches_only_a_whole_word()
    {
        Rules.Tag("They discussed the rain gauge and a laboratory.").ShouldBeEmpty();
        Rules.Tag("Lawyers met the claim with insecurity.").ShouldBeEmpty();
        Rules.Tag("Maintain the rule of law.").ShouldBe(["law"]);
    }

    [Fact]
    public void A_phrase_needs_its_words_in_order_whatever_lies_between_them()
    {
        Rules.Tag("Promote artificial   intelligence in schools.").ShouldBe(["ai"]);
        Rules.Tag("Promote artificial-intelligence tools.").ShouldBe(["ai"]);
        Rules.Tag("Intelligence that is artificial was not mentioned.").ShouldBeEmpty();
    }

    [Fact]
    public void A_star_matches_any_word_it_begins()
    {
        Rules.Tag("Support agricultural cooperatives.").ShouldBe(["farming"]);
        Rules.Tag("Agriculture ministers met.").ShouldBe(["farming"]);
        Rules.Tag("Regulate recommendation algorithms.").ShouldBe(["ai"]);
        Rules.Tag("The agricole label was not read.").ShouldBeEmpty();
    }

    [Fact]
    public void An_exclusion_cancels_only_the_matches_inside_it()
    {
        Rules.Tag("Ensure food security this winter.").ShouldBe(["farming"]);
        Rules.Tag("The Security Council convened.").ShouldBeEmpty();
        Rules.Tag("Ensure food security and border security.").ShouldBe(["security", "farming"]);
        Rules.Tag("His brother-in-law attended.").ShouldBeEmpty();
        Rules.Tag("His brother-in-law studies law.").ShouldBe(["law"]);
    }

    [Fact]
    public void Several_topics_come_back_in_the_file_order_once_each()
    {
        Rules.Tag("Use AI for grain storage, AI for security, and security for grain.").ShouldBe(["security", "farming", "ai"]);
    }

    [Fact]
    public void A_meeting_gets_the_union_of_its_items()
    {
        Rules.TagAll(["Boost grain output.", null, "Govern AI by law.", ""]).ShouldBe(["farming", "ai", "law"]);
    }

    [Fact]
    public void Empty_and_punctuation_only_texts_have_no_topic()
    {
        Rules.Tag(null).ShouldBeEmpty();
        Rules.Tag("   ").ShouldBeEmpty();
        Rules.Tag("—, ; ...").ShouldBeEmpty();
    }

    [Fact]
    public void The_hash_follows_the_file_bytes_and_the_version_is_read()
    {
        var a = Small("""{"version":"1","topics":[{"id":"a","terms":["x"]}]}""");
        var b = Small("""{"version":"1","topics":[{"id":"a","terms":["y"]}]}""");
        a.Version.ShouldBe("1");
        a.Hash.Length.ShouldBe(16);
        a.Hash.ShouldNotBe(b.Hash);
        Small("""{"version":"1","topics":[{"id":"a","terms":["x"]}]}""").Hash.ShouldBe(a.Hash);
        a.Find("a")!.Label.ShouldBe("a");
        a.Find("b").ShouldBeNull();
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"topics": 3}""", "\"topics\" array")]
    [InlineData("""{"topics":[{"label":"x","terms":["a"]}]}""", "has no \"id\"")]
    [InlineData("""{"topics":[{"id":"Bad Id","terms":["a"]}]}""", "lowercase letters")]
    [InlineData("""{"topics":[{"id":"a","terms":["a"]},{"id":"a","terms":["b"]}]}""", "appears twice")]
    [InlineData("""{"topics":[{"id":"a","terms":[]}]}""", "has no terms")]
    [InlineData("""{"topics":[{"id":"a","terms":["ab*"]}]}""", "at least 4 letters")]
    [InlineData("""{"topics":[{"id":"a","terms":["--"]}]}""", "no letters or digits")]
    [InlineData("""{"topics":[{"id":"a","terms":[1]}]}""", "not a string")]
    public void A_malformed_file_is_refused_with_what_is_wrong(string json, string message)
    {
        Should.Throw<TopicTaxonomyException>(() => Small(json)).Message.ShouldContain(message);
    }

    [Fact]
    public void The_shipped_taxonomy_loads_with_the_topics_the_managers_asked_for()
    {
        var ids = TopicTaxonomy.Default.Topics.Select(t => t.Id).ToList();
        ids.ShouldBe([
            "national-security", "economy-finance", "science-technology", "data-ai-governance", "foreign-affairs", "defence",
            "party-building", "rule-of-law", "environment", "health", "agriculture", "social-policy",
        ], ignoreOrder: true);
        TopicTaxonomy.Default.Topics.ShouldAllBe(t => t.Label.Length > 0 && t.Label != t.Id);
    }

    [Theory]
    [InlineData("Improve the overall national security outlook and guard against espionage.", "national-security")]
    [InlineData("Stabilise domestic demand and cut the fiscal deficit.", "economy-finance")]
    [InlineData("Speed up breakthroughs in quantum technologies.", "science-technology")]
    [InlineData("Set rules for generative AI and cross-border data flows.", "data-ai-governance")]
    [InlineData("Deepen bilateral ties through diplomacy.", "foreign-affairs")]
    [InlineData("Raise the combat readiness of the armed forces.", "defence")]
    [InlineData("Enforce party discipline and fight corruption.", "party-building")]
    [InlineData("Advance law-based governance and judicial reform.", "rule-of-law")]
    [InlineData("Cut carbon emissions and restore wetlands.", "environment")]
    [InlineData("Expand public health and vaccination services.", "health")]
    [InlineData("Protect farmland and stabilise grain harvests.", "agriculture")]
    [InlineData("Raise pensions and widen childcare support.", "social-policy")]
    public void Each_shipped_topic_tags_a_plain_sentence_about_it(string sentence, string topic)
    {
        TopicTaxonomy.Default.Tag(sentence).ShouldContain(topic);
    }

    [Theory]
    [InlineData("Guarantee energy security and food security.", "national-security")]
    [InlineData("Improve the business environment for small firms.", "environment")]
    [InlineData("Check the health of the economy before the budget.", "health")]
    public void Shipped_exclusions_keep_a_near_miss_out(string sentence, string topic)
    {
        TopicTaxonomy.Default.Tag(sentence).ShouldNotContain(topic);
    }

    [Fact]
    public void Tagging_a_long_text_is_fast()
    {
        var paragraph = string.Concat(Enumerable.Repeat("The meeting called for steady growth, stronger party discipline, cleaner rivers and better schools. ", 2000));
        TopicTaxonomy.Default.Tag(paragraph);
        var watch = Stopwatch.StartNew();
        var topics = TopicTaxonomy.Default.Tag(paragraph);
        watch.Stop();
        topics.ShouldContain("economy-finance");
        // 28,000 words; the bound leaves room for a loaded two-core machine.
        watch.ElapsedMilliseconds.ShouldBeLessThan(500);
    }
}
