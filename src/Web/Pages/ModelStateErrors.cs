using Microsoft.AspNetCore.Mvc.ModelBinding;
using Overholt.Application.Errors;
using Overholt.Web.Errors;

namespace Overholt.Web.Pages;

/// <summary>Shows the application's validation errors on the admin pages' forms.</summary>
public static class ModelStateErrors
{
    /// <summary>
    /// Puts the application's errors next to the form's fields (forms name their fields as the commands do), worded with
    /// the fields' labels: "'ZipCode' must not be empty." is shown as "'Zip code' must not be empty." beside the zip code.
    /// Errors about the whole request go to the form's summary.
    /// </summary>
    public static void AddRequestErrors(this ModelStateDictionary modelState, RequestValidationException invalid)
    {
        foreach (var (property, messages) in invalid.Errors)
        {
            foreach (var message in messages)
                modelState.AddModelError(property, FieldNaming.Reword(message, property, FieldNaming.Label));
        }
    }
}
