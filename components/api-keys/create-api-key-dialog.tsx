"use client";
// Creating a key: the admin names it after the system that will use it; the key is then shown once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { InvoiceFormDialog } from "@/components/invoices/invoice-form-dialog";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useFormDialog } from "@/components/ui/use-form-dialog";
import { applyServerErrors } from "@/lib/actions/form-errors";
import type { createApiKey } from "@/lib/api-keys/actions";
import {
  API_KEY_NAME_MAX_LENGTH,
  CREATE_API_KEY_FIELDS,
  createApiKeySchema,
  type CreateApiKeyFormValues,
  type CreateApiKeyInput,
} from "@/lib/api-keys/schemas";
import { NewApiKeyDialog } from "./new-api-key-dialog";

const EMPTY: CreateApiKeyFormValues = { name: "" };

type CreateApiKeyDialogProps = { action: typeof createApiKey; appUrl: string | null };

export const CreateApiKeyDialog = ({ action, appUrl }: CreateApiKeyDialogProps) => {
  const router = useRouter();
  const { notify } = useToast();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateApiKeyFormValues, unknown, CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: EMPTY,
  });
  const { open, setOpen, formError, setFormError, onOpenChange } = useFormDialog({ onOpen: () => reset(EMPTY) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(result, { setError, fields: CREATE_API_KEY_FIELDS }));
      return;
    }
    setOpen(false);
    setCreated({ name: result.data.name, key: result.data.key });
    notify(`API key ${result.data.name} was created`);
    router.refresh();
  });

  return (
    <>
      <InvoiceFormDialog
        trigger={<Button>Create API key</Button>}
        open={open}
        onOpenChange={onOpenChange}
        title="Create an API key"
        description="A key lets a system send usage events for this organisation. Create one per system, so each can be revoked on its own."
        submitLabel="Create key"
        pendingLabel="Creating…"
        pending={isSubmitting}
        formError={formError}
        onSubmit={onSubmit}
      >
        <Field
          id="api-key-name"
          label="Name"
          hint={`What will use it, e.g. Production backend (at most ${API_KEY_NAME_MAX_LENGTH} characters).`}
          error={errors.name?.message}
        >
          <Input id="api-key-name" autoComplete="off" invalid={Boolean(errors.name)} hasHint {...register("name")} />
        </Field>
      </InvoiceFormDialog>
      <NewApiKeyDialog created={created} appUrl={appUrl} onClose={() => setCreated(null)} />
    </>
  );
};
