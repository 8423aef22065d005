"""The host of an event cannot also be one of its visitors.

A database CHECK cannot look across the many-to-many table, so the rule is
enforced here for every code path (admin, shell, demo content) and mirrored
in the admin form for a friendly message.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import Event


@receiver(m2m_changed, sender=Event.visitors.through)
def host_is_not_a_visitor(sender, instance, action, reverse, pk_set, **kwargs):
    if action != "pre_add" or not pk_set:
        return
    if not reverse:
        if instance.host_id in pk_set:
            raise ValidationError(_("The host city cannot also be a visitor."))
    elif Event.objects.filter(pk__in=pk_set, host=instance).exists():
        raise ValidationError(_("The host city cannot also be a visitor."))
