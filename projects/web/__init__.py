"""The public pages' toolkit: what every app's public views, feeds and APIs build on.

Here: conditional GET, ETag and Last-Modified (`conditional`), checked pagination (`pagination`),
pieces of the list filters (`filters`), the language a text is really in and hreflang alternates
(`languages`), schema.org JSON-LD (`structured_data`), Markdown → sanitised HTML (`markdown`), the
JSON API base (`api`), image renditions and upload checks (`images`) and the templates' context
(`context_processors`).

Not here: the back office (`projects.backoffice`) and any app's own views. Modules here never
import the back office nor the higher apps (events, practices).
"""
