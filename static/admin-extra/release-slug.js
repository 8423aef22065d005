'use strict';
// The slug of a new press release follows its title in the original language, as it is typed, like
// Django's prepopulated fields, but from whichever language tab "original language" names. A slug
// the user types or one already saved is left alone; left empty, the server makes it on save.
{
    window.addEventListener('load', function() {
        const slug = document.getElementById('id_slug');
        const language = document.getElementById('id_original_language');
        if (!slug || !language || slug.value || typeof URLify !== 'function') {
            return;
        }
        let typedByUser = false;
        slug.addEventListener('input', function() { typedByUser = slug.value !== ''; });
        function fill() {
            const title = document.getElementById('id_title_' + language.value);
            if (!typedByUser && title) {
                slug.value = URLify(title.value, slug.maxLength > 0 ? slug.maxLength : 120, false);
            }
        }
        document.querySelectorAll('input[id^="id_title_"]').forEach(function(input) {
            input.addEventListener('input', fill);
        });
        language.addEventListener('change', fill);
    });
}
