namespace Overholt.Application.Email;

/// <summary>An email to one recipient, in plain text and HTML.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
