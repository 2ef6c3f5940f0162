using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Overholt.Application.Email;

namespace Overholt.Infrastructure.Email;

/// <summary>Writes each email as an .eml file into the pickup directory (the embedded default: no mail server needed).</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value;
        var directory = Path.Combine(environment.ContentRootPath, email.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(directory, name + ".tmp");

        // Written under another name, then renamed: a reader of the directory never sees half a message.
        await using (var file = File.Create(partial))
            await MimeMessages.Create(message, email.From).WriteToAsync(file, cancellationToken);
        File.Move(partial, Path.Combine(directory, name + ".eml"));
    }
}
