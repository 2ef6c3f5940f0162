using Overholt.Application.Email;

namespace Overholt.UnitTests.Application;

public sealed class EmailTemplatesTests
{
    [Fact]
    public void Templates_encode_the_store_name_in_html_but_not_in_text()
    {
        var message = EmailTemplates.Render("manager-added", "ann@example.com", new Dictionary<string, string> { ["store"] = "<b>Bold</b> & Co", ["email"] = "ann@example.com" });

        Assert.Equal("You are now a manager of <b>Bold</b> & Co", message.Subject);
        Assert.Contains("manager of <b>Bold</b> & Co.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", message.HtmlBody + message.TextBody + message.Subject, StringComparison.Ordinal);
    }
}
