namespace Overholt.Web.Management;

/// <summary>Where the management commands read and write: the process's console, or a test's.</summary>
public sealed class OperatorConsole(TextReader input, TextWriter output, TextWriter error, bool inputRedirected)
{
    public static OperatorConsole System => new(Console.In, Console.Out, Console.Error, Console.IsInputRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>
    /// A new password: the first line of standard input when it is redirected (scripts, CI), otherwise asked twice
    /// on the terminal without echo. Null when none is given or the two entries differ.
    /// </summary>
    public string? ReadNewPassword()
    {
        if (inputRedirected)
            return input.ReadLine();

        var first = ReadHidden("Password: ");
        var second = ReadHidden("Repeat the password: ");
        if (first == second)
            return first;
        Error.WriteLine("The passwords differ.");
        return null;
    }

    private string ReadHidden(string prompt)
    {
        Out.Write(prompt);
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
                text.Length--;
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }

        Out.WriteLine();
        return text.ToString();
    }
}
