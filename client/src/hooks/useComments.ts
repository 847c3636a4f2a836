import { useContext } from 'react';
import { CommentsContext, type CommentsContextValue } from '../components/comments/CommentsContext.ts';

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments is used outside an open invoice.');
  return value;
}
