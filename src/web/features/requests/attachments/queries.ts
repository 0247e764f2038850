import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@shared/requests/attachments';
import { api, uploadFile } from '@web/ui/api';
import { requestKey } from '../queries';

const attachmentsKey = (requestId: string) => [...requestKey(requestId), 'attachments'] as const;

export function useAttachments(requestId: string) {
  return useQuery({
    queryKey: attachmentsKey(requestId),
    queryFn: ({ signal }) => api.get<Attachment[]>(`/requests/${requestId}/attachments`, signal),
  });
}

export function uploadAttachments(requestId: string, files: File[]) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return uploadFile<Attachment[]>(`/requests/${requestId}/attachments`, form);
}

export function useUploadAttachments(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: File[]) => uploadAttachments(requestId, files),
    onSuccess: (list) => {
      queryClient.setQueryData(attachmentsKey(requestId), list);
      void queryClient.invalidateQueries({ queryKey: [...requestKey(requestId), 'events'] });
    },
  });
}
